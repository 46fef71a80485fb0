package io.mqttworkbench.decode;

/** Offset, sixteen bytes in hex and their printable ASCII: every payload can be shown this way. */
final class HexDecoder implements PayloadDecoder {
    private static final int CHARS_PER_ROW = 78;

    @Override
    public PayloadFormat format() {
        return PayloadFormat.HEX;
    }

    @Override
    public int score(byte[] payload, String topic) {
        return 1;
    }

    @Override
    public Decoded decode(DecodeRequest request) {
        byte[] payload = request.payload();
        long rows = Math.max(0, request.maxChars() / CHARS_PER_ROW);
        int shown = (int) Math.min(payload.length, rows * 16);
        String text = HexDump.format(payload, 0, shown).stripTrailing();
        return new Decoded(PayloadFormat.HEX, text, Syntax.HEX, payload.length == 0 ? "empty payload" : Sizes.bytes(payload.length),
                "", shown < payload.length);
    }
}
