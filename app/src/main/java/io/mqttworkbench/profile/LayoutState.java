package io.mqttworkbench.profile;

import java.util.Map;

/**
 * How the main window was arranged: which columns were folded away, where the detail panes sat and where
 * the user left each divider. Saved in {@code workspace.json}; a missing or odd value means "the default".
 *
 * @param sidebarCollapsed   the profile sidebar shows as a thin rail
 * @param formsCollapsed     the subscriptions / quick-publish column of the connection tabs is hidden
 * @param detailOnTheRight   the message and topic details sit right of their list, not below it
 * @param dividers           divider positions (0 to 1) by name, such as "log.below" or "tree.right"
 */
public record LayoutState(boolean sidebarCollapsed, boolean formsCollapsed, boolean detailOnTheRight, Map<String, Double> dividers) {

    public static final LayoutState DEFAULT = new LayoutState(false, false, true, Map.of());

    public LayoutState {
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
    }

    /** The divider's saved position, or {@code fallback} when none was saved or it is out of range. */
    public double divider(String name, double fallback) {
        Double saved = dividers.get(name);
        return saved != null && saved > 0.05 && saved < 0.95 ? saved : fallback;
    }
}
