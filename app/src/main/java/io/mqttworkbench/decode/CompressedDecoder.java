package io.mqttworkbench.decode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * gzip and zlib (deflate) payloads, inflated and then shown in whatever format is inside. Inflating
 * stops at a fixed multiple of the compressed size, so a "zip bomb" cannot exhaust memory; when it
 * stops, the view says so.
 */
final class CompressedDecoder implements PayloadDecoder {
    /** At most this many times the compressed size (plus {@link #EXTRA}) is inflated. */
    static final int MAX_RATIO = 64;
    static final int EXTRA = 1024 * 1024;
    /**
     * And never more than this: the inside is decoded too, and a window re-decodes the message it shows;
     * 64 MB of JSON is more than the largest output ({@link DecoderRegistry#MAX_CHARS}) shows anyway.
     */
    static final long MAX_INFLATED = 64L * 1024 * 1024;

    @Override
    public PayloadFormat format() {
        return PayloadFormat.COMPRESSED;
    }

    @Override
    public int score(byte[] payload, String topic) {
        if (isGzip(payload)) {
            return 98;
        }
        return isZlib(payload) ? 60 : 0;
    }

    private static boolean isGzip(byte[] p) {
        return p.length >= 18 && (p[0] & 0xFF) == 0x1F && (p[1] & 0xFF) == 0x8B && p[2] == 8;
    }

    /** RFC 1950: deflate, window up to 32 KiB, and the header's check bits. */
    private static boolean isZlib(byte[] p) {
        if (p.length < 6) {
            return false;
        }
        int cmf = p[0] & 0xFF;
        int flg = p[1] & 0xFF;
        return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0 && (flg & 0x20) == 0;
    }

    @Override
    public Decoded decode(DecodeRequest request) throws IOException {
        byte[] payload = request.payload();
        boolean gzip = isGzip(payload);
        if (!gzip && !isZlib(payload)) {
            throw new IOException("neither gzip nor zlib data (no header)");
        }
        if (request.depth() >= DecoderRegistry.MAX_LAYERS) {
            throw new IOException("too many layers of encoding");
        }
        long cap = Math.min(MAX_INFLATED, (long) MAX_RATIO * payload.length + EXTRA);
        byte[] inflated;
        Inflater inflater = new Inflater(gzip);
        try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(payload))
                : new InflaterInputStream(new ByteArrayInputStream(payload), inflater)) {
            inflated = in.readNBytes((int) cap + 1);
        } catch (java.util.zip.ZipException e) {
            throw new IOException("corrupt " + (gzip ? "gzip" : "zlib") + " data: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new IOException((gzip ? "gzip" : "zlib") + " data ends early");
        } finally {
            inflater.end();
        }
        boolean cut = inflated.length > cap;
        if (cut) {
            inflated = java.util.Arrays.copyOf(inflated, (int) cap);
        }
        Decoded inner = request.registry().auto(request.inner(inflated));
        String note = (gzip ? "gzip" : "zlib") + ", " + Sizes.bytes(payload.length) + " inflated to "
                + (cut ? "more than " : "") + Sizes.bytes(inflated.length) + (cut ? " (stopped there)" : "");
        Decoded result = inner.within(PayloadFormat.COMPRESSED, note);
        return cut ? result.with(result.note(), result.error(), true) : result;
    }
}
