package io.mqttworkbench.decode;

import java.util.Locale;

/** UTF-8 text; bytes that are not UTF-8 are shown as {@code \xNN} escapes, never dropped. */
final class TextDecoder implements PayloadDecoder {

    @Override
    public PayloadFormat format() {
        return PayloadFormat.TEXT;
    }

    @Override
    public int score(byte[] payload, String topic) {
        return payload.length > 0 && PayloadPreview.looksReadable(payload, 4096) ? 50 : 0;
    }

    @Override
    public Decoded decode(DecodeRequest request) {
        BoundedText out = request.text();
        int invalid = Utf8.decodeLenient(request.payload(), out);
        String note = request.payload().length == 0 ? "empty payload"
                : Sizes.bytes(request.payload().length) + (invalid == 0 ? "" : String.format(Locale.ROOT, ", %,d byte%s not UTF-8 shown as \\xNN",
                invalid, invalid == 1 ? "" : "s")) + (out.firstPartOnly() ? ", showing the first part" : "");
        return Decoded.of(PayloadFormat.TEXT, out, Syntax.PLAIN, note);
    }
}
