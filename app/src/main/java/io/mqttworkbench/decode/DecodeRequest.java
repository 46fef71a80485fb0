package io.mqttworkbench.decode;

/**
 * What to decode and how much to show.
 *
 * @param maxChars the most characters the view may hold; decoders stop there and say so
 * @param auto true when the format was detected rather than chosen (layers such as Base64 then insist
 *        on finding something readable inside)
 * @param depth how many layers (Base64, gzip) were peeled off already
 */
public record DecodeRequest(byte[] payload, String topic, int maxChars, boolean auto, int depth, DecoderRegistry registry) {

    public DecodeRequest {
        topic = topic == null ? "" : topic;
    }

    /** The same request for the bytes inside a layer. */
    DecodeRequest inner(byte[] bytes) {
        return new DecodeRequest(bytes, topic, maxChars, true, depth + 1, registry);
    }
}
