package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.profile.Profile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the view-model tests that run a workspace of real connections: a fresh configuration folder, closed after each test. */
public abstract class LiveWorkspaceTest {

    @TempDir
    protected Path configDir;
    protected LiveWorkspace live;

    protected LiveWorkspace open(List<Profile> profiles) {
        live = new LiveWorkspace(configDir, profiles);
        return live;
    }

    @AfterEach
    void closeWorkspace() {
        if (live != null) {
            live.close();
        }
    }
}
