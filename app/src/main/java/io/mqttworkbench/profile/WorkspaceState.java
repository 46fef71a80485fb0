package io.mqttworkbench.profile;

import java.util.List;

/**
 * What the window looked like when the application closed: which profiles were open (to offer to
 * reopen them), which was in front, and the window's place and size.
 *
 * @param theme  "light", "dark", or "" to follow the operating system
 * @param layout the window's columns, detail panes and dividers (absent in files written before it existed)
 */
public record WorkspaceState(List<String> openProfileIds, String selectedProfileId, Double x, Double y, Double width,
                             Double height, boolean maximized, String theme, LayoutState layout) {

    public static final WorkspaceState EMPTY = new WorkspaceState(List.of(), null, null, null, null, null, false, "", LayoutState.DEFAULT);

    public WorkspaceState {
        openProfileIds = openProfileIds == null ? List.of() : List.copyOf(openProfileIds);
        theme = theme == null ? "" : theme;
        layout = layout == null ? LayoutState.DEFAULT : layout;
    }

    public boolean hasWindowBounds() {
        return x != null && y != null && width != null && height != null && width > 200 && height > 150;
    }
}
