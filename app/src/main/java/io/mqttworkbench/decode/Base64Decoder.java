package io.mqttworkbench.decode;

import java.util.Base64;

/** Base64 (standard or URL-safe), decoded and then shown in whatever format the bytes inside are. */
final class Base64Decoder implements PayloadDecoder {
    private static final int MIN_LENGTH = 8;

    @Override
    public PayloadFormat format() {
        return PayloadFormat.BASE64;
    }

    /**
     * Long runs of the Base64 alphabet with both cases and a digit or symbol, padded to a multiple of
     * four: ordinary words and numbers do not qualify.
     */
    @Override
    public int score(byte[] payload, String topic) {
        int end = trimmedEnd(payload);
        int start = JsonDecoder.firstNonSpace(payload);
        int length = end - start;
        if (length < MIN_LENGTH) {
            return 0;
        }
        boolean upper = false;
        boolean lower = false;
        boolean other = false;
        boolean urlSafe = false;
        int padding = 0;
        for (int i = start; i < end; i++) {
            byte b = payload[i];
            if (padding > 0 && b != '=') {
                return 0;
            }
            if (b >= 'A' && b <= 'Z') {
                upper = true;
            } else if (b >= 'a' && b <= 'z') {
                lower = true;
            } else if (b >= '0' && b <= '9' || b == '+' || b == '/') {
                other = true;
            } else if (b == '-' || b == '_') {
                other = true;
                urlSafe = true;
            } else if (b == '=') {
                padding++;
            } else {
                return 0;
            }
        }
        if (padding > 2 || !(upper && lower && other)) {
            return 0;
        }
        return length % 4 == 0 || urlSafe && padding == 0 && length % 4 != 1 ? 55 : 0;
    }

    private static int trimmedEnd(byte[] payload) {
        int end = payload.length;
        while (end > 0 && (payload[end - 1] == '\n' || payload[end - 1] == '\r' || payload[end - 1] == ' ' || payload[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    @Override
    public Decoded decode(DecodeRequest request) {
        byte[] payload = request.payload();
        String text = new String(payload, JsonDecoder.firstNonSpace(payload), Math.max(0, trimmedEnd(payload) - JsonDecoder.firstNonSpace(payload)),
                java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("\\s", "");
        byte[] bytes;
        try {
            bytes = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not Base64: " + e.getMessage());
        }
        if (request.depth() >= DecoderRegistry.MAX_LAYERS) {
            throw new IllegalArgumentException("too many layers of encoding");
        }
        Decoded inner = request.registry().auto(request.inner(bytes));
        if (request.auto() && (inner.format() == PayloadFormat.HEX || inner.failed())) {
            // Detected, not chosen: text that happens to be valid Base64 of random bytes stays text.
            throw new IllegalArgumentException("the decoded bytes are not in a readable format");
        }
        return inner.within(PayloadFormat.BASE64, "Base64, " + Sizes.bytes(bytes.length) + " decoded");
    }
}
