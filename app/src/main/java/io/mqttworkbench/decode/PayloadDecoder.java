package io.mqttworkbench.decode;

/**
 * One way of reading payloads. Implementations may throw on malformed input: {@link DecoderRegistry}
 * turns any failure into a readable error view, so callers never see an exception.
 */
public interface PayloadDecoder {

    PayloadFormat format();

    /**
     * How likely the payload is in this format, 0 (not at all) to 100 (certain), from a cheap look at
     * its first bytes and its topic. Auto-detection tries decoders from the highest score down.
     */
    int score(byte[] payload, String topic);

    Decoded decode(DecodeRequest request) throws Exception;
}
