package io.mqttworkbench.ui.common;

import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/** The marks that show a subscription's colour: a dot in lists, a bar beside messages. */
public final class SubscriptionColors {
    private SubscriptionColors() {
    }

    public static Circle dot(String color) {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("subscription-dot");
        dot.setFill(paint(color));
        return dot;
    }

    public static Rectangle bar() {
        Rectangle bar = new Rectangle(4, 16);
        bar.getStyleClass().add("subscription-bar");
        bar.setArcWidth(2);
        bar.setArcHeight(2);
        return bar;
    }

    /** The user's colour; data, not style, so it is set as a fill rather than through CSS. */
    public static Color paint(String color) {
        try {
            return color == null || color.isBlank() ? Color.TRANSPARENT : Color.web(color);
        } catch (IllegalArgumentException e) {
            return Color.TRANSPARENT;
        }
    }
}
