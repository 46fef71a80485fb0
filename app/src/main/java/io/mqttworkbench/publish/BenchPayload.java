package io.mqttworkbench.publish;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Random;

/**
 * What a benchmark message carries so its receiver can tell who sent it, which one it was and how long it
 * took: a marker, the sending client's number, its sequence number and the send time (System.nanoTime of
 * the same process), then filler up to the size asked for.
 *
 * @param client the publisher, from 0
 * @param sequence the publisher's message number, from 1
 */
public record BenchPayload(int client, long sequence, long sentNanos) {
    /** The header: "MWB1", client, sequence, time. */
    public static final int HEADER_BYTES = 4 + 4 + 8 + 8;
    private static final int MARKER = 0x4D574231; // "MWB1"

    /** The message of {@code size} bytes (at least the header): filler is random, so compression does not flatter the broker. */
    public byte[] toBytes(int size, Random filler) {
        byte[] bytes = new byte[Math.max(size, HEADER_BYTES)];
        filler.nextBytes(bytes);
        ByteBuffer.wrap(bytes).putInt(MARKER).putInt(client).putLong(sequence).putLong(sentNanos);
        return bytes;
    }

    /** Reads the header; empty for a payload that is not a benchmark message (someone else's on the topic). */
    public static Optional<BenchPayload> parse(byte[] payload) {
        if (payload == null || payload.length < HEADER_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        if (buffer.getInt() != MARKER) {
            return Optional.empty();
        }
        int client = buffer.getInt();
        long sequence = buffer.getLong();
        long sent = buffer.getLong();
        return client < 0 || sequence < 1 ? Optional.empty() : Optional.of(new BenchPayload(client, sequence, sent));
    }
}
