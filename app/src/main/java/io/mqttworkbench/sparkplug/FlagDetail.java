package io.mqttworkbench.sparkplug;

import java.util.List;
import java.util.Locale;

/**
 * What exactly a {@link SparkplugFlag} saw, with the values its sentence needs, so the window can say it in
 * its own language; {@link #message()} is the English sentence the command line prints.
 *
 * @param why     which situation
 * @param type    the message type concerned (NDATA, DBIRTH…)
 * @param first   the first figure: bytes, bdSeq of the death, seq before, seq found; else 0
 * @param second  the second figure: the byte limit, bdSeq of the birth, seq after; else 0
 * @param third   the third figure: messages missing in a seq gap; else 0
 * @param metrics undeclared metrics ("alias 7", "Motor/Torque"), at most the first three named
 * @param error   why a payload could not be read, as the reader said it; else empty
 */
public record FlagDetail(Why why, MessageType type, long first, long second, long third, List<String> metrics, String error) {

    public enum Why {
        TOO_LARGE, NOT_SPARKPLUG, BDSEQ_MISMATCH, BIRTH_WHILE_NODE_OFFLINE, NDATA_AFTER_DEATH, DDATA_WHILE_OFFLINE, DDATA_BEFORE_BIRTH,
        UNDECLARED, NO_SEQ, SEQ_OUT_OF_RANGE, SEQ_REPEAT, SEQ_GAP
    }

    public FlagDetail {
        metrics = List.copyOf(metrics);
        error = error == null ? "" : error;
    }

    static FlagDetail of(Why why, MessageType type, long first, long second, long third) {
        return new FlagDetail(why, type, first, second, third, List.of(), "");
    }

    /** How many undeclared metrics there were past the three named. */
    public long more() {
        return why == Why.UNDECLARED ? first : 0;
    }

    /** The birth that should have declared the metrics: NBIRTH for NDATA, DBIRTH for DDATA. */
    public MessageType birth() {
        return type == MessageType.NDATA ? MessageType.NBIRTH : MessageType.DBIRTH;
    }

    /** The explanation in English. */
    public String message() {
        return switch (why) {
            case TOO_LARGE -> String.format(Locale.ROOT, "%s of %,d bytes is not read for the state (more than %,d bytes); the message log has it",
                    type, first, second);
            case NOT_SPARKPLUG -> type + " is not a Sparkplug B payload: " + error;
            case BDSEQ_MISMATCH -> String.format(Locale.ROOT,
                    "NDEATH has bdSeq %d but the NBIRTH in force has %d: the death of an earlier session, ignored", first, second);
            case BIRTH_WHILE_NODE_OFFLINE -> "DBIRTH while its node is offline (no NBIRTH since NDEATH)";
            case NDATA_AFTER_DEATH -> "NDATA after NDEATH, without a new NBIRTH";
            case DDATA_WHILE_OFFLINE -> "DDATA while the device is offline (no DBIRTH since its death or its node's birth)";
            case DDATA_BEFORE_BIRTH -> "DDATA before the device's DBIRTH";
            case UNDECLARED -> type + " carries " + String.join(", ", metrics) + (more() > 0 ? " and " + more() + " more" : "")
                    + ", not declared by the " + birth();
            case NO_SEQ -> type + " has no seq";
            case SEQ_OUT_OF_RANGE -> type + " has seq " + first + ", outside 0–255";
            case SEQ_REPEAT -> type + " repeats seq " + first;
            case SEQ_GAP -> String.format(Locale.ROOT, "seq went from %d to %d: %d message%s missing or out of order", first, second, third,
                    third == 1 ? "" : "s");
        };
    }
}
