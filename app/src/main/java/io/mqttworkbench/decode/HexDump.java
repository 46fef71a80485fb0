package io.mqttworkbench.decode;

/** The classic hex dump: offset, 16 bytes in hex, and the printable ASCII beside them. */
public final class HexDump {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private HexDump() {
    }

    public static String format(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length / 16 * 78 + 80);
        for (int row = 0; row < length; row += 16) {
            int address = offset + row;
            for (int shift = 28; shift >= 0; shift -= 4) {
                out.append(DIGITS[(address >>> shift) & 0xF]);
            }
            out.append("  ");
            int n = Math.min(16, length - row);
            for (int i = 0; i < 16; i++) {
                if (i < n) {
                    int b = bytes[offset + row + i] & 0xFF;
                    out.append(DIGITS[b >>> 4]).append(DIGITS[b & 0xF]).append(' ');
                } else {
                    out.append("   ");
                }
                if (i == 7) {
                    out.append(' ');
                }
            }
            out.append(" |");
            for (int i = 0; i < n; i++) {
                int b = bytes[offset + row + i] & 0xFF;
                out.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            out.append("|\n");
        }
        return out.toString();
    }
}
