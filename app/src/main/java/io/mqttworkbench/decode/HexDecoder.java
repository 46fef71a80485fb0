package io.mqttworkbench.decode;

/** Offset, sixteen bytes in hex and their printable ASCII: every payload can be shown this way. */
final class HexDecoder implements PayloadDecoder {
    /** Offset, 16 bytes in hex, the ASCII between bars, and the line break. */
    static final int CHARS_PER_ROW = 79;

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
        DecodeRequest.Window window = request.window();
        // rows are all the same length, so a part of the output is a range of rows, found without writing the ones before
        long rows = (payload.length + 15) / 16;
        long end = Math.min(window.from() + window.size(), window.cap());
        long firstRow = Math.min(rows, window.from() / CHARS_PER_ROW);
        long endRow = Math.max(firstRow, Math.min(rows, end / CHARS_PER_ROW));
        int from = (int) Math.min(payload.length, firstRow * 16);
        String text = HexDump.format(payload, from, (int) Math.min(payload.length, endRow * 16) - from).stripTrailing();
        boolean capped = rows * CHARS_PER_ROW > window.cap();
        String note = payload.length == 0 ? "empty payload" : Sizes.bytes(payload.length);
        if (capped && endRow == window.cap() / CHARS_PER_ROW) {
            note += String.format(java.util.Locale.ROOT, "; output stops at the %,d-character limit", window.cap());
        }
        return new Decoded(PayloadFormat.HEX, text, Syntax.HEX, note, "", endRow < rows, firstRow * CHARS_PER_ROW,
                window.count() && !capped ? rows * CHARS_PER_ROW : -1, firstRow); // a row per line
    }
}
