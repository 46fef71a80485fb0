package io.mqttworkbench.decode;

/**
 * What to decode and how much to show.
 *
 * @param window which part of the output to keep, and the limits on it
 * @param auto true when the format was detected rather than chosen (layers such as Base64 then insist
 *        on finding something readable inside)
 * @param depth how many layers (Base64, gzip) were peeled off already
 */
public record DecodeRequest(byte[] payload, String topic, Window window, boolean auto, int depth, DecoderRegistry registry) {

    /**
     * The part of the output to keep: {@code size} characters from {@code from}. With {@code count}, the
     * decoder goes on to the end (or {@code cap}) to measure the whole output. Nothing is written past
     * {@code cap} characters, nor after {@code deadline} ({@link System#nanoTime()}), which is
     * {@code timeLimit} after decoding began.
     */
    public record Window(long from, int size, boolean count, long cap, long deadline, java.time.Duration timeLimit) {

        /** The same window with time of its own, from now. */
        Window restarted() {
            return new Window(from, size, count, cap, System.nanoTime() + timeLimit.toNanos(), timeLimit);
        }
    }

    public DecodeRequest {
        topic = topic == null ? "" : topic;
    }

    /** Where decoders write: the window of the output, stopping at its limits. */
    BoundedText text() {
        return new BoundedText(window);
    }

    /** The same request for the bytes inside a layer; the outer payload's size still sets the limits. */
    DecodeRequest inner(byte[] bytes) {
        return new DecodeRequest(bytes, topic, window, true, depth + 1, registry);
    }
}
