package io.mqttworkbench.profile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code workspace.json} beside the profiles. Losing it costs only the window's layout, so any problem
 * reading it means "start with the defaults" (and a line in the log), never an error dialog.
 */
public final class WorkspaceStateStore {
    public static final String FILE_NAME = "workspace.json";
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceStateStore.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final AtomicFile file;

    public WorkspaceStateStore(Path configDir) {
        this.file = new AtomicFile(configDir.resolve(FILE_NAME));
    }

    public WorkspaceState load() {
        if (!file.exists()) {
            return WorkspaceState.EMPTY;
        }
        try {
            WorkspaceState state = GSON.fromJson(file.read(), WorkspaceState.class);
            return state == null ? WorkspaceState.EMPTY : state;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable {}: {}", file.path(), e.toString());
            return WorkspaceState.EMPTY;
        }
    }

    public void save(WorkspaceState state) {
        try {
            file.write(GSON.toJson(state) + "\n", false);
        } catch (IOException e) {
            LOG.warn("could not save {}: {}", file.path(), e.toString());
        }
    }
}
