package io.mqttworkbench.decode;

import java.time.Duration;
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

    /** What a view shows at once: the window shows the output in parts of this size. */
    public static final int DEFAULT_MAX_CHARS = 1_000_000;
    /**
     * No payload's output is longer, whatever it asks for: a payload made to expand (two bytes per
     * Sparkplug metric, one per nesting level) stops here, with the note saying so.
     */
    public static final int MAX_CHARS = 64_000_000;
    /** What the command line asks for: everything up to {@link #MAX_CHARS}. */
    public static final int ALL_CHARS = MAX_CHARS;
    /** No decoding takes longer: the output stops there, and the note says so. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    /** Layers within layers (Base64 in gzip in Base64...) stop here. */
    static final int MAX_LAYERS = 3;
    /** A reason is one line: longer messages are cut here. */
    private static final int MAX_ERROR_CHARS = 300;
    /** Auto tries at most this many candidates in full before settling for text or hex. */
    private static final int MAX_ATTEMPTS = 4;

    private final List<PayloadDecoder> decoders;
    private final ProtoSchemas schemas;
    private final Duration timeLimit;

    public DecoderRegistry(ProtoSchemas schemas) {
        this(schemas, TIME_LIMIT);
    }

    /** With another time limit: for tests of what happens when time runs out. */
    DecoderRegistry(ProtoSchemas schemas, Duration timeLimit) {
        this.schemas = schemas;
        this.timeLimit = timeLimit;
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
        return decode(payload, topic, Optional.empty(), maxChars);
    }

    /** Decodes as the given format, or detects it when empty. A payload that is not in that format is shown as text or hex, with why. */
    public Decoded decode(byte[] payload, String topic, Optional<PayloadFormat> format, int maxChars) {
        return decode(payload, topic, format, window(0, maxChars, false, payload));
    }

    /**
     * One part of the output, {@code size} characters from {@code from}, and the length of the whole
     * output (up to {@link #MAX_CHARS}) in {@link Decoded#total()}: the window pages through a large
     * payload without ever holding all of it as one string.
     */
    public Decoded decodePart(byte[] payload, String topic, Optional<PayloadFormat> format, long from, int size) {
        return decode(payload, topic, format, window(from, size, true, payload));
    }

    private Decoded decode(byte[] payload, String topic, Optional<PayloadFormat> format, DecodeRequest.Window window) {
        if (format.isEmpty()) {
            return auto(new DecodeRequest(payload, topic, window, true, 0, this));
        }
        DecodeRequest request = new DecodeRequest(payload, topic, window, false, 0, this);
        Decoded result = attempt(decoder(format.get()), request);
        return result.failed() ? fallback(request, format.get(), result.error()) : result;
    }

    private DecodeRequest.Window window(long from, int size, boolean count, byte[] payload) {
        return new DecodeRequest.Window(from, size, count, outputLimit(payload), System.nanoTime() + timeLimit.toNanos(), timeLimit);
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

    /**
     * Text when the payload reads as text, hex otherwise; {@code chosen} and {@code error} say what failed.
     * With time of its own: a structured attempt that ran out of time must not leave the fallback none.
     */
    private Decoded fallback(DecodeRequest failed, PayloadFormat chosen, String error) {
        DecodeRequest request = new DecodeRequest(failed.payload(), failed.topic(), failed.window().restarted(), failed.auto(), failed.depth(), this);
        boolean text = PayloadPreview.looksReadable(request.payload(), 4096);
        Decoded shown = attempt(decoder(text ? PayloadFormat.TEXT : PayloadFormat.HEX), request);
        if (chosen == null) {
            return shown;
        }
        String why = String.format(Locale.ROOT, "Not %s: %s", chosen.label(), error);
        return shown.with("shown as " + shown.format().label().toLowerCase(Locale.ROOT) + (shown.note().isEmpty() ? "" : ", " + shown.note()),
                why, shown.truncated());
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
        // a parser's message may quote the path to the problem: 4 MB deep, that is 12 million characters
        message = message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) + "…" : message;
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
     * No output is larger than a fixed multiple of the payload (plus a little), nor than {@link #MAX_CHARS}:
     * so a small payload that claims to hold gigabytes cannot make a decoder allocate them.
     */
    public static long outputLimit(byte[] payload) {
        return Math.min(80L * payload.length + 64 * 1024, MAX_CHARS);
    }
}
