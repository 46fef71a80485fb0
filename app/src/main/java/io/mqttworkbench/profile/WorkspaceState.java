package io.mqttworkbench.profile;

import java.util.List;

/**
 * What the window looked like when the application closed: which profiles were open (to offer to
 * reopen them), which was in front, and the window's place and size.
 *
 * @param theme  "light", "dark", or "" to follow the operating system
 * @param layout the window's columns, detail panes and dividers (absent in files written before it existed)
 * @param quickConnectSubscribeAll whether quick connect subscribes to {@code #}; on unless the user switched it off
 *                                 (absent in files written before it existed)
 * @param language the window's language: "en", "zh-CN", or "" to follow the operating system
 */
public record WorkspaceState(List<String> openProfileIds, String selectedProfileId, Double x, Double y, Double width,
                             Double height, boolean maximized, String theme, LayoutState layout, Boolean quickConnectSubscribeAll,
                             String language) {

    public static final WorkspaceState EMPTY = new WorkspaceState(List.of(), null, null, null, null, null, false, "", LayoutState.DEFAULT);

    public WorkspaceState {
        openProfileIds = openProfileIds == null ? List.of() : List.copyOf(openProfileIds);
        theme = theme == null ? "" : theme;
        layout = layout == null ? LayoutState.DEFAULT : layout;
        quickConnectSubscribeAll = quickConnectSubscribeAll == null || quickConnectSubscribeAll;
        language = language == null ? "" : language;
    }

    public WorkspaceState(List<String> openProfileIds, String selectedProfileId, Double x, Double y, Double width,
                          Double height, boolean maximized, String theme, LayoutState layout, Boolean quickConnectSubscribeAll) {
        this(openProfileIds, selectedProfileId, x, y, width, height, maximized, theme, layout, quickConnectSubscribeAll, "");
    }

    public WorkspaceState(List<String> openProfileIds, String selectedProfileId, Double x, Double y, Double width,
                          Double height, boolean maximized, String theme, LayoutState layout) {
        this(openProfileIds, selectedProfileId, x, y, width, height, maximized, theme, layout, true);
    }

    public boolean hasWindowBounds() {
        return x != null && y != null && width != null && height != null && width > 200 && height > 150;
    }
}
