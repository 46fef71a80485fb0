package io.mqttworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The message table's window onto the store or a query's matches. */
class RowWindowTest {

    private static ReceivedMessage message(int n) {
        return new ReceivedMessage("t/" + n, Integer.toString(n).getBytes(StandardCharsets.UTF_8), 0, false, false, 0, 0, null);
    }

    @Test
    void reportsAppendsAndEvictionsAsOneChangePerRefresh() {
        MessageStore store = new MessageStore(5, Long.MAX_VALUE);
        RowWindow list = new RowWindow(new StoreRows(store), 1000);
        List<String> changes = changesOf(list);

        for (int i = 0; i < 3; i++) {
            store.append(message(i));
        }
        assertThat(list.refresh()).isTrue();
        assertThat(list).extracting(ReceivedMessage::topic).containsExactly("t/0", "t/1", "t/2");

        for (int i = 3; i < 7; i++) {
            store.append(message(i)); // two evicted
        }
        list.refresh();
        assertThat(list).extracting(ReceivedMessage::topic).containsExactly("t/2", "t/3", "t/4", "t/5", "t/6");
        assertThat(changes).containsExactly("+3@0", "-2@0 +4@1");
        assertThat(list.refresh()).isFalse();
    }

    @Test
    void aRowEvictedBetweenFramesReadsAsAPlaceholderUntilTheNextRefresh() {
        MessageStore store = new MessageStore(2, Long.MAX_VALUE);
        RowWindow list = new RowWindow(new StoreRows(store), 1000);
        store.append(message(0));
        store.append(message(1));
        list.refresh();
        store.append(message(2)); // evicts t/0 before the view refreshes
        assertThat(list.get(0)).isSameAs(RowWindow.EVICTED);
        list.refresh();
        assertThat(list).extracting(ReceivedMessage::topic).containsExactly("t/1", "t/2");
    }

    @Test
    void clearingTheStoreEmptiesTheView() {
        MessageStore store = new MessageStore(10, Long.MAX_VALUE);
        RowWindow list = new RowWindow(new StoreRows(store), 1000);
        store.append(message(0));
        list.refresh();
        store.clear();
        list.refresh();
        assertThat(list).isEmpty();
        store.append(message(1));
        list.refresh();
        assertThat(list).extracting(ReceivedMessage::topic).containsExactly("t/1");
    }

    /** Each change the list reports, as "-2@0 +4@1" (removed or added, how many, where). */
    private static List<String> changesOf(RowWindow list) {
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<ReceivedMessage>) change -> {
            StringBuilder sb = new StringBuilder();
            while (change.next()) {
                sb.append(change.wasRemoved() ? "-" + change.getRemovedSize() + "@" + change.getFrom() : "");
                sb.append(change.wasAdded() ? "+" + change.getAddedSize() + "@" + change.getFrom() : "");
                sb.append(' ');
            }
            changes.add(sb.toString().trim());
        });
        return changes;
    }

    private static List<String> topics(List<ReceivedMessage> rows) {
        return rows.stream().map(ReceivedMessage::topic).toList();
    }

    @Test
    void aLongLogIsShownAsAWindowOfTheNewestRowsWhileFollowing() {
        MessageStore store = new MessageStore(1000, Long.MAX_VALUE);
        RowWindow window = new RowWindow(new StoreRows(store), 4);
        for (int i = 0; i < 10; i++) {
            store.append(message(i));
        }
        window.refresh();
        assertThat(topics(window)).containsExactly("t/6", "t/7", "t/8", "t/9");
        assertThat(window.olderCount()).isEqualTo(6);
        assertThat(window.newerCount()).isZero();
        assertThat(window.offset()).isEqualTo(6);
        assertThat(window.total()).isEqualTo(10);
        assertThat(window.sequenceAt(0)).isEqualTo(6);
    }

    @Test
    void pagingMovesHalfAWindowAndKeepsTheRowsInOrder() {
        MessageStore store = new MessageStore(1000, Long.MAX_VALUE);
        RowWindow window = new RowWindow(new StoreRows(store), 4);
        for (int i = 0; i < 10; i++) {
            store.append(message(i));
        }
        window.refresh();
        List<String> changes = changesOf(window);

        assertThat(window.showOlder()).as("rows that came in at the top").isEqualTo(2);
        assertThat(topics(window)).containsExactly("t/4", "t/5", "t/6", "t/7");
        assertThat(window.following()).isFalse();
        window.showOlder();
        window.showOlder();
        assertThat(topics(window)).containsExactly("t/0", "t/1", "t/2", "t/3");
        assertThat(window.showOlder()).as("nothing older").isZero();

        store.append(message(10)); // a pinned window stays where it is while rows arrive
        window.refresh();
        assertThat(topics(window)).containsExactly("t/0", "t/1", "t/2", "t/3");
        assertThat(window.newerCount()).isEqualTo(7);

        assertThat(window.showNewer()).as("rows that left at the top").isEqualTo(2);
        assertThat(topics(window)).containsExactly("t/2", "t/3", "t/4", "t/5");
        window.showNewest();
        assertThat(topics(window)).containsExactly("t/7", "t/8", "t/9", "t/10");
        assertThat(window.following()).isTrue();
        assertThat(changes.get(0)).isEqualTo("+2@0 -2@4");
    }

    @Test
    void aPinnedWindowLosesOnlyWhatTheStoreEvicts() {
        MessageStore store = new MessageStore(6, Long.MAX_VALUE);
        RowWindow window = new RowWindow(new StoreRows(store), 4);
        for (int i = 0; i < 6; i++) {
            store.append(message(i));
        }
        window.refresh();
        window.showOlder();
        assertThat(topics(window)).containsExactly("t/0", "t/1", "t/2", "t/3");
        store.append(message(6));
        store.append(message(7)); // t/0 and t/1 leave the store
        window.refresh();
        assertThat(topics(window)).containsExactly("t/2", "t/3", "t/4", "t/5");
    }

    @Test
    void aQuerysMatchesAreAWindowTooAndEvictedMatchesFallOffTheFront() {
        MessageStore store = new MessageStore(8, Long.MAX_VALUE);
        for (int i = 0; i < 8; i++) {
            store.append(message(i));
        }
        QueryRows even = new QueryRows(store, new long[] {0, 2, 4, 6}, 8, m -> Integer.parseInt(m.topic().substring(2)) % 2 == 0);
        RowWindow window = new RowWindow(even, 3);
        window.refresh();
        assertThat(topics(window)).containsExactly("t/2", "t/4", "t/6");
        assertThat(even.count()).isEqualTo(4);
        for (int i = 8; i < 12; i++) {
            store.append(message(i)); // t/0..t/3 evicted, t/8 and t/10 match
        }
        window.refresh();
        assertThat(topics(window)).containsExactly("t/6", "t/8", "t/10");
        assertThat(even.count()).as("t/0 and t/2 were evicted").isEqualTo(4);
        assertThat(window.total()).isEqualTo(4);
    }
}
