package io.mqttworkbench.mqtt;

/** The broker's SUBACK answer for one filter. */
public record SubscribeOutcome(String filter, int reasonCode) {

    /**
     * One outcome per filter from a SUBACK's codes, in order. A SUBACK with fewer codes than filters (a broker
     * bug) repeats its last one; one with none, or none at all, counts as refused (0x80).
     */
    public static java.util.List<SubscribeOutcome> of(java.util.List<String> filters, int[] codes) {
        java.util.List<SubscribeOutcome> outcomes = new java.util.ArrayList<>(filters.size());
        for (int i = 0; i < filters.size(); i++) {
            int code = codes == null || codes.length == 0 ? 0x80 : codes[Math.min(i, codes.length - 1)];
            outcomes.add(new SubscribeOutcome(filters.get(i), code));
        }
        return outcomes;
    }

    public boolean granted() {
        return reasonCode <= 2;
    }

    /** The granted QoS, or -1 when refused. */
    public int grantedQos() {
        return granted() ? reasonCode : -1;
    }

    public String description() {
        return ReasonCodes.describeSuback(reasonCode);
    }
}
