package io.mqttworkbench.message;

import io.mqttworkbench.mqtt.ConnectionMarker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where a connection's traffic has holes: each time it went down and came back. The message log marks
 * the first message after a hole; a recording made meanwhile gets the markers too. Bounded: the oldest
 * gaps go first, and are counted. Markers arrive on the connection's thread; reads come from any thread.
 */
public final class ConnectionGaps implements Consumer<ConnectionMarker> {

    /** A hole: when the connection went down, and when it came back (null while it is still down). */
    public record Gap(ConnectionMarker down, ConnectionMarker up) {
        public boolean open() {
            return up == null;
        }
    }

    private final int capacity;
    private final ArrayDeque<Gap> gaps = new ArrayDeque<>();
    private final List<Consumer<ConnectionMarker>> observers = new CopyOnWriteArrayList<>();
    private long dropped;

    public ConnectionGaps(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void accept(ConnectionMarker marker) {
        synchronized (this) {
            if (marker.kind() == ConnectionMarker.Kind.DISCONNECT) {
                if (gaps.size() >= capacity) {
                    gaps.removeFirst();
                    dropped++;
                }
                gaps.addLast(new Gap(marker, null));
            } else if (!gaps.isEmpty() && gaps.peekLast().open()) {
                gaps.addLast(new Gap(gaps.removeLast().down(), marker));
            }
        }
        observers.forEach(o -> o.accept(marker));
    }

    /** Also hands each marker to {@code observer} (a recording in progress), on the connection's thread. */
    public void observe(Consumer<ConnectionMarker> observer) {
        observers.add(observer);
    }

    public void unobserve(Consumer<ConnectionMarker> observer) {
        observers.remove(observer);
    }

    public synchronized List<Gap> gaps() {
        return new ArrayList<>(gaps);
    }

    /** Gaps forgotten to stay within the bound. */
    public synchronized long dropped() {
        return dropped;
    }

    /**
     * The gap that began after a message received at {@code earlierNanos} and before one received at
     * {@code laterNanos}, if any: the hole lies between those two messages.
     */
    public synchronized Optional<Gap> between(long earlierNanos, long laterNanos) {
        for (var it = gaps.descendingIterator(); it.hasNext(); ) {
            Gap gap = it.next();
            long down = gap.down().nanos();
            if (down - laterNanos > 0) {
                continue;
            }
            return down - earlierNanos > 0 ? Optional.of(gap) : Optional.empty();
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        gaps.clear();
        dropped = 0;
    }
}
