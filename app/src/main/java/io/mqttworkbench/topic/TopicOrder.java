package io.mqttworkbench.topic;

/** How the levels of the tree are sorted. */
public enum TopicOrder {
    /** Alphabetically, numbers by value: sensor2 before sensor10. */
    NAME("Name"),
    /** Busiest first: messages per second below the level, then the most recent. */
    ACTIVITY("Activity");

    private final String label;

    TopicOrder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
