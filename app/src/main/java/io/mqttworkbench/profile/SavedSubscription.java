package io.mqttworkbench.profile;

import io.mqttworkbench.mqtt.SubscriptionRequest;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A subscription as a profile keeps it: what is asked of the broker, the colour its messages are marked
 * with, whether it is paused (still subscribed at the broker, its messages not shown), and the decoder
 * chosen for its messages.
 *
 * @param color #RRGGBB
 * @param decoder the id of the payload format its messages are read as ("hex", "protobuf"…), or null for Auto
 */
public record SavedSubscription(SubscriptionRequest request, String color, boolean paused, String decoder) {

    /** Distinct, readable on light and dark backgrounds; the first ones are the most distinct. */
    public static final List<String> PALETTE = List.of("#3B7BF6", "#2DA44E", "#E16F24", "#8250DF", "#D1242F", "#1B7C83",
            "#BF8700", "#D6338A", "#6E7781", "#0969DA");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public SavedSubscription {
        Objects.requireNonNull(request, "request");
        if (color == null || !COLOR.matcher(color.strip()).matches()) {
            throw new IllegalArgumentException("Subscription colour '" + color + "' is not of the form #RRGGBB");
        }
        color = color.strip().toUpperCase(java.util.Locale.ROOT);
        decoder = decoder == null || decoder.isBlank() ? null : decoder.strip();
    }

    public SavedSubscription(SubscriptionRequest request, String color, boolean paused) {
        this(request, color, paused, null);
    }

    public String filter() {
        return request.filter();
    }

    public SavedSubscription withRequest(SubscriptionRequest value) {
        return new SavedSubscription(value, color, paused, decoder);
    }

    public SavedSubscription withColor(String value) {
        return new SavedSubscription(request, value, paused, decoder);
    }

    public SavedSubscription withPaused(boolean value) {
        return new SavedSubscription(request, color, value, decoder);
    }

    /** With the payload format id its messages are read as, or null for Auto. */
    public SavedSubscription withDecoder(String value) {
        return new SavedSubscription(request, color, paused, value);
    }

    /** The first palette colour the others do not use yet (cycling once all are taken). */
    public static String nextColor(List<SavedSubscription> existing) {
        for (String candidate : PALETTE) {
            if (existing.stream().noneMatch(s -> s.color().equalsIgnoreCase(candidate))) {
                return candidate;
            }
        }
        return PALETTE.get(existing.size() % PALETTE.size());
    }

    /** Requests with colours from the palette, in order, none paused. */
    public static List<SavedSubscription> coloured(List<SubscriptionRequest> requests) {
        java.util.ArrayList<SavedSubscription> saved = new java.util.ArrayList<>();
        for (SubscriptionRequest request : requests) {
            saved.add(new SavedSubscription(request, nextColor(saved), false));
        }
        return List.copyOf(saved);
    }
}
