package io.mqttworkbench.decode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every decoder, automatic detection, and the promise that decoding never throws: a decoder that fails
 * yields the payload as text or hex with the reason beside it.
 */
public final class DecoderRegistry {

    /** What a view shows at once; "show all" asks for up to {@link #ALL_CHARS}. */
    public static final int DEFAULT_MAX_CHARS = 1_000_000;
    public static final int ALL_CHARS = Integer.MAX_VALUE - 16;
    /** Layers within layers (Base64 in gzip in Base64...) stop here. */
    static final int MAX_LAYERS = 3;
    /** Auto tries at most this many candidates in full before settling for text or hex. */
    private static final int MAX_ATTEMPTS = 4;

    private final List<PayloadDecoder> decoders;
    private final ProtoSchemas schemas;

    public DecoderRegistry(ProtoSchemas schemas) {
        this.schemas = schemas;
        this.decoders = List.of(new SparkplugDecoder(), new ProtobufDecoder(schemas), new CompressedDecoder(), new JsonDecoder(),
                new XmlDecoder(), new Base64Decoder(), new TextDecoder(), new CborDecoder(), new MessagePackDecoder(), new HexDecoder());
    }

    public DecoderRegistry() {
        this(new ProtoSchemas());
    }

    public ProtoSchemas schemas() {
        return schemas;
    }

    public List<PayloadFormat> formats() {
        return List.of(PayloadFormat.values());
    }

    /** The format auto-detection would show first (before decoding proves it right). */
    public PayloadFormat guess(byte[] payload, String topic) {
        return ranked(payload, topic).get(0).format();
    }

    /** Detects the format and decodes; the result says which format it found. */
    public Decoded decode(byte[] payload, String topic, int maxChars) {
        return auto(new DecodeRequest(payload, topic, effectiveLimit(payload, maxChars), true, 0, this));
    }

    /** Decodes as the given format, or detects it when empty. A payload that is not in that format is shown as text or hex, with why. */
    public Decoded decode(byte[] payload, String topic, Optional<PayloadFormat> format, int maxChars) {
        if (format.isEmpty()) {
            return decode(payload, topic, maxChars);
        }
        DecodeRequest request = new DecodeRequest(payload, topic, effectiveLimit(payload, maxChars), false, 0, this);
        Decoded result = attempt(decoder(format.get()), request);
        return result.failed() ? fallback(request, format.get(), result.error()) : result;
    }

    Decoded auto(DecodeRequest request) {
        List<PayloadDecoder> candidates = ranked(request.payload(), request.topic());
        int attempts = 0;
        for (PayloadDecoder decoder : candidates) {
            if (decoder.format() == PayloadFormat.HEX || decoder.format() == PayloadFormat.TEXT) {
                break; // the fallbacks, below
            }
            if (request.depth() >= MAX_LAYERS && (decoder.format() == PayloadFormat.BASE64 || decoder.format() == PayloadFormat.COMPRESSED)) {
                continue;
            }
            if (attempts++ == MAX_ATTEMPTS) {
                break;
            }
            Decoded result = attempt(decoder, request);
            if (!result.failed()) {
                return result;
            }
        }
        return fallback(request, null, "");
    }

    /** Text when the payload reads as text, hex otherwise; {@code chosen} and {@code error} say what failed. */
    private Decoded fallback(DecodeRequest request, PayloadFormat chosen, String error) {
        boolean text = PayloadPreview.looksReadable(request.payload(), 4096);
        Decoded shown = attempt(decoder(text ? PayloadFormat.TEXT : PayloadFormat.HEX), request);
        if (chosen == null) {
            return shown;
        }
        String why = String.format(Locale.ROOT, "Not %s: %s", chosen.label(), error);
        return new Decoded(shown.format(), shown.text(), shown.syntax(), "shown as " + shown.format().label().toLowerCase(Locale.ROOT)
                + (shown.note().isEmpty() ? "" : ", " + shown.note()), why, shown.truncated());
    }

    private static Decoded attempt(PayloadDecoder decoder, DecodeRequest request) {
        try {
            return decoder.decode(request);
        } catch (StackOverflowError e) {
            return failure(decoder, "nested too deeply to read");
        } catch (Exception | LinkageError | AssertionError e) {
            return failure(decoder, describe(e));
        }
    }

    private static Decoded failure(PayloadDecoder decoder, String why) {
        return new Decoded(decoder.format(), "", Syntax.PLAIN, "", why.isBlank() ? "unreadable" : why, false);
    }

    /** An exception's message in one line, without library advice links. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        int see = message.indexOf("\nSee ");
        if (see > 0) {
            message = message.substring(0, see);
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    private List<PayloadDecoder> ranked(byte[] payload, String topic) {
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < decoders.size(); i++) {
            PayloadDecoder decoder = decoders.get(i);
            int score;
            try {
                score = decoder.score(payload, topic == null ? "" : topic);
            } catch (RuntimeException e) {
                score = 0;
            }
            scored.add(new Scored(decoder, score, i));
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -s.score).thenComparingInt(s -> s.order));
        return scored.stream().filter(s -> s.score > 0 || s.decoder.format() == PayloadFormat.HEX).map(Scored::decoder).toList();
    }

    private record Scored(PayloadDecoder decoder, int score, int order) {
    }

    PayloadDecoder decoder(PayloadFormat format) {
        return decoders.stream().filter(d -> d.format() == format).findFirst().orElseThrow();
    }

    /**
     * No view is larger than a fixed multiple of the payload (plus a little): so a small payload that
     * claims to hold gigabytes cannot make a decoder allocate them.
     */
    static int effectiveLimit(byte[] payload, int maxChars) {
        long bound = 80L * payload.length + 64 * 1024;
        return (int) Math.max(0, Math.min(maxChars, Math.min(bound, ALL_CHARS)));
    }
}
