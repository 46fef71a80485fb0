package io.mqttworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class StoreBackedListTest {

    private static ReceivedMessage message(int n) {
        return new ReceivedMessage("t/" + n, Integer.toString(n).getBytes(StandardCharsets.UTF_8), 0, false, false, 0, 0, null);
    }

    @Test
    void reportsAppendsAndEvictionsAsOneChangePerRefresh() {
        MessageStore store = new MessageStore(5, Long.MAX_VALUE);
        StoreBackedList list = new StoreBackedList(store);
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
        StoreBackedList list = new StoreBackedList(store);
        store.append(message(0));
        store.append(message(1));
        list.refresh();
        store.append(message(2)); // evicts t/0 before the view refreshes
        assertThat(list.get(0)).isSameAs(StoreBackedList.EVICTED);
        list.refresh();
        assertThat(list).extracting(ReceivedMessage::topic).containsExactly("t/1", "t/2");
    }

    @Test
    void clearingTheStoreEmptiesTheView() {
        MessageStore store = new MessageStore(10, Long.MAX_VALUE);
        StoreBackedList list = new StoreBackedList(store);
        store.append(message(0));
        list.refresh();
        store.clear();
        list.refresh();
        assertThat(list).isEmpty();
        store.append(message(1));
        list.refresh();
        assertThat(list).extracting(ReceivedMessage::topic).containsExactly("t/1");
    }
}
