package io.mqttworkbench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** workspace.json: the window's place, open tabs and layout survive a restart; a bad file costs only the layout. */
class WorkspaceStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void theLayoutComesBackAsItWasSaved() {
        WorkspaceStateStore store = new WorkspaceStateStore(dir);
        LayoutState layout = new LayoutState(true, false, false, Map.of("log.below", 0.71, "tree.right", 0.4, "forms", 0.28));
        store.save(new WorkspaceState(List.of("a", "b"), "b", 10.0, 20.0, 1280.0, 800.0, false, "dark", layout));

        WorkspaceState loaded = store.load();
        assertThat(loaded.layout()).isEqualTo(layout);
        assertThat(loaded.layout()).isNotSameAs(LayoutState.DEFAULT);
        assertThat(loaded.layout().divider("log.below", 0.5)).isEqualTo(0.71);
        assertThat(loaded.openProfileIds()).containsExactly("a", "b");
    }

    @Test
    void aFileFromBeforeTheLayoutExistedGivesTheDefaultLayout() throws Exception {
        Files.writeString(dir.resolve(WorkspaceStateStore.FILE_NAME), "{\"openProfileIds\":[\"a\"],\"maximized\":false,\"theme\":\"light\"}");
        WorkspaceState loaded = new WorkspaceStateStore(dir).load();
        assertThat(loaded.layout()).isSameAs(LayoutState.DEFAULT);
        assertThat(loaded.openProfileIds()).containsExactly("a");
    }

    @Test
    void dividersOutOfRangeOrCorruptFilesFallBackToDefaults() throws Exception {
        LayoutState odd = new LayoutState(false, false, true, Map.of("log.right", 1.7, "tree.right", -3.0));
        assertThat(odd.divider("log.right", 0.6)).isEqualTo(0.6);
        assertThat(odd.divider("tree.right", 0.5)).isEqualTo(0.5);
        assertThat(odd.divider("never.saved", 0.3)).isEqualTo(0.3);

        Files.writeString(dir.resolve(WorkspaceStateStore.FILE_NAME), "{\"layout\": [1, 2");
        assertThat(new WorkspaceStateStore(dir).load()).isEqualTo(WorkspaceState.EMPTY);
    }
}
