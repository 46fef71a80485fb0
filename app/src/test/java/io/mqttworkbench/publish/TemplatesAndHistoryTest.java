package io.mqttworkbench.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.mqtt.UserProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates and collections kept across restarts and shared as files; the bounded, searchable history. */
class TemplatesAndHistoryTest {

    private static Composition order(String id) {
        return new Composition("orders/created", 1, false, PayloadEncoding.JSON, "{\"id\":\"" + id + "\",\"n\":{{counter}}}", true,
                "application/json", true, 60L, null, null, false, List.of(new UserProperty("tenant", "acme")), null);
    }

    @Test
    void templatesSurviveARestartAndCollectionsTravelAsFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("templates.json");
        TemplateLibrary library = new TemplateLibrary(file).load();
        library.put(new TemplateLibrary.Template("Order created", "Order service", order("A-1")));
        library.put(new TemplateLibrary.Template("Order cancelled", "Order service", order("A-2").withTopic("orders/cancelled")));
        library.put(new TemplateLibrary.Template("Ping", "", Composition.text("health/ping", "ping", 0, false)));
        library.put(new TemplateLibrary.Template("Order created", "Order service", order("A-3"))); // replaces

        TemplateLibrary reopened = new TemplateLibrary(file).load();
        assertThat(reopened.templates()).extracting(TemplateLibrary.Template::name).containsExactly("Order cancelled", "Order created", "Ping");
        assertThat(reopened.collections()).containsExactly("Order service", "Templates");
        assertThat(reopened.find("Order created").orElseThrow().composition()).isEqualTo(order("A-3"));
        assertThat(Files.exists(dir.resolve("templates.json.bak"))).as("the previous version is kept").isTrue();

        Path shared = dir.resolve("order-service.json");
        reopened.exportCollection("Order service", shared);
        TemplateLibrary colleague = new TemplateLibrary(dir.resolve("other/templates.json")).load();
        TemplateLibrary.ImportResult result = colleague.importFile(shared);
        assertThat(result.added()).isEqualTo(2);
        assertThat(result.collections()).containsExactly("Order service");
        assertThat(colleague.find("Order service/Order cancelled").orElseThrow().composition().topic()).isEqualTo("orders/cancelled");
        assertThat(colleague.importFile(shared).replaced()).isEqualTo(2);

        colleague.put(new TemplateLibrary.Template("Order cancelled", "Other", Composition.text("x", "y", 0, false)));
        assertThatThrownBy(() -> colleague.find("Order cancelled")).hasMessageContaining("collection/name");
        Files.writeString(dir.resolve("junk.json"), "{\"hello\": 1}");
        assertThatThrownBy(() -> colleague.importFile(dir.resolve("junk.json"))).hasMessageContaining("not an MQTT Workbench template file");
        Files.writeString(file, "{ broken");
        assertThatThrownBy(() -> new TemplateLibrary(file).load()).hasMessageContaining("kept aside");
    }

    @Test
    void historyIsBoundedSearchableAndKeptAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history/profile-1.json");
        PublishHistory history = new PublishHistory(file, 3).load();
        for (int i = 1; i <= 5; i++) {
            history.add(new PublishHistory.Entry(1_000L * i, order("A-" + i), "PUBACK 0x00 Success"));
        }
        history.save();
        PublishHistory reopened = new PublishHistory(file, 3).load();
        assertThat(reopened.entries()).hasSize(3).extracting(PublishHistory.Entry::epochMillis).containsExactly(5_000L, 4_000L, 3_000L);
        assertThat(reopened.search("a-4")).extracting(PublishHistory.Entry::epochMillis).containsExactly(4_000L);
        assertThat(reopened.entries().get(0).composition()).isEqualTo(order("A-5"));

        Files.writeString(file, "not json");
        PublishHistory broken = new PublishHistory(file, 3).load();
        assertThat(broken.entries()).isEmpty();
        assertThat(broken.loadProblem()).contains("kept aside");
    }

    @Test
    void anUnsavedHistoryWritesNothingUntilItIsGivenAFileThenKeepsWhatItHeld(@TempDir Path dir) throws Exception {
        PublishHistory history = PublishHistory.unsaved(3).load();
        history.add(new PublishHistory.Entry(1_000L, order("Q-1"), "PUBACK 0x00 Success"));
        history.save();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        Path file = dir.resolve("history/profile-2.json");
        history.keepIn(file);
        history.save();
        assertThat(new PublishHistory(file, 3).load().entries()).extracting(PublishHistory.Entry::composition).containsExactly(order("Q-1"));
    }
}
