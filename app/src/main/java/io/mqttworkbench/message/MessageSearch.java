package io.mqttworkbench.message;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link MessageQuery} over a store, off the JavaFX thread: the store is copied in chunks (so
 * appends never wait for a whole scan) and each chunk tested outside its lock.
 */
public final class MessageSearch {
    private static final int CHUNK = 65_536;

    /**
     * @param sequences the matching messages' sequence numbers, in arrival order
     * @param scanned how many messages were looked at
     * @param upTo the store's next sequence number when the search began: later messages were not looked at
     */
    public record Result(long[] sequences, long scanned, long upTo, boolean cancelled) {
        public int count() {
            return sequences.length;
        }
    }

    private MessageSearch() {
    }

    /** Throws {@link IllegalArgumentException} for a query with a {@link MessageQuery#problem()}. */
    public static Result run(MessageStore store, MessageQuery query, DecoderRegistry decoders, BooleanSupplier cancelled) {
        query.problem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        MessageMatcher matcher = new MessageMatcher(query, decoders);
        long upTo = store.nextSequence();
        long[] found = new long[1024];
        int count = 0;
        long scanned = 0;
        ReceivedMessage[] chunk = new ReceivedMessage[CHUNK];
        int[] copied = new int[1];
        long next = store.firstSequence();
        while (next < upTo) {
            if (cancelled.getAsBoolean()) {
                return new Result(Arrays.copyOf(found, count), scanned, upTo, true);
            }
            long start = store.copy(next, chunk, copied);
            int n = (int) Math.min(copied[0], upTo - start);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (matcher.test(chunk[i])) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = start + i;
                }
            }
            scanned += n;
            next = start + n;
        }
        Arrays.fill(chunk, null);
        return new Result(Arrays.copyOf(found, count), scanned, upTo, false);
    }

    /** Whether one message matches: for messages that arrive after a search, while its result is shown. */
    public static java.util.function.Predicate<ReceivedMessage> matcher(MessageQuery query, DecoderRegistry decoders) {
        return new MessageMatcher(query, decoders);
    }
}
