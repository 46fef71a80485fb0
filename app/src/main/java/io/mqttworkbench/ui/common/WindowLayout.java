package io.mqttworkbench.ui.common;

import io.mqttworkbench.profile.LayoutState;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The arrangement of the main window that the user chooses and the next start restores: the folded
 * sidebar and forms column, where the detail panes sit, and the dividers. One per window; every
 * connection tab follows it, so a divider moved in one tab is where the user finds it in the next.
 */
public final class WindowLayout {
    private final BooleanProperty sidebarCollapsed;
    private final BooleanProperty formsCollapsed;
    private final BooleanProperty detailOnTheRight;
    private final Map<String, DoubleProperty> dividers = new LinkedHashMap<>();
    private final LayoutState saved;

    public WindowLayout(LayoutState saved) {
        this.saved = saved;
        sidebarCollapsed = new SimpleBooleanProperty(saved.sidebarCollapsed());
        formsCollapsed = new SimpleBooleanProperty(saved.formsCollapsed());
        detailOnTheRight = new SimpleBooleanProperty(saved.detailOnTheRight());
    }

    /**
     * On a first start (nothing saved yet), gives the traffic the room a window of {@code width} allows:
     * narrower than 1400 px the profiles fold into their rail, narrower than 1200 px the details go below
     * their list, where they keep the full width, and narrower than 1100 px the subscriptions column folds
     * too (its button in the connection's header brings it back).
     */
    public void fitFirstStart(double width) {
        if (saved != LayoutState.DEFAULT) {
            return;
        }
        sidebarCollapsed.set(width < 1400);
        detailOnTheRight.set(width >= 1200);
        formsCollapsed.set(width < 1100);
    }

    public BooleanProperty sidebarCollapsedProperty() {
        return sidebarCollapsed;
    }

    public BooleanProperty formsCollapsedProperty() {
        return formsCollapsed;
    }

    /** The message detail and the topic detail sit right of their list (true) or below it (false). */
    public BooleanProperty detailOnTheRightProperty() {
        return detailOnTheRight;
    }

    /** The position (0 to 1) of the named divider, starting where it was saved or at {@code fallback}. */
    public DoubleProperty divider(String name, double fallback) {
        return dividers.computeIfAbsent(name, n -> new SimpleDoubleProperty(saved.divider(n, fallback)));
    }

    /** The name of a detail pane's divider for the current placement: each placement keeps its own. */
    public String detailDivider(String pane) {
        return pane + (detailOnTheRight.get() ? ".right" : ".below");
    }

    public LayoutState capture() {
        Map<String, Double> positions = new LinkedHashMap<>(saved.dividers());
        dividers.forEach((name, position) -> positions.put(name, position.get()));
        return new LayoutState(sidebarCollapsed.get(), formsCollapsed.get(), detailOnTheRight.get(), positions);
    }
}
