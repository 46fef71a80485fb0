package io.mqttworkbench.mqtt;

import java.util.Locale;

/**
 * Why a broker URL cannot be used, with what the explanation needs, so the window can say it in its own
 * language; {@link #message()} is the English sentence the command line prints.
 *
 * @param rule    the rule broken
 * @param value   the URL as shown (password hidden), the scheme, the port or the path concerned
 * @param detail  for {@link Rule#NOT_A_URL}, the URL parser's own reason; else empty
 * @param atHint  whether to add how to write '@' and the like inside a user name or password
 */
public record BrokerUrlProblem(Rule rule, String value, String detail, boolean atHint) {

    public enum Rule {
        EMPTY("Broker URL is empty: expected something like mqtt://localhost:1883"),
        CREDENTIALS("Broker URL '%s' carries a user name or password, which is not taken here: give the credentials in their own fields"),
        NOT_A_URL("Broker URL '%s' is not a valid URL: %s"),
        UNKNOWN_SCHEME("Unknown scheme '%s' in broker URL: use mqtt://, mqtts://, ws:// or wss://"),
        NO_HOST("Broker URL '%s' has no host name"),
        EMPTY_PORT("Broker URL '%s' has an empty port"),
        PORT_RANGE("Port %s is outside 1-65535"),
        PATH_NOT_WEBSOCKET("A path ('%s') only makes sense for ws:// and wss:// URLs");

        private final String english;

        Rule(String english) {
            this.english = english;
        }
    }

    /** Said after the sentence when a URL with '@' in it does not parse. */
    public static final String AT_HINT = " (in a user name or password, write @ as %40, : as %3A, / as %2F, # as %23 and % as %25)";

    /** The explanation in English. */
    public String message() {
        return String.format(Locale.ROOT, rule.english, value, detail) + (atHint ? AT_HINT : "");
    }

    /** The refusal {@link BrokerUrl} throws: an {@link IllegalArgumentException} whose message is {@link #message()}. */
    public static final class Exception extends IllegalArgumentException {
        private final transient BrokerUrlProblem problem;

        Exception(Rule rule, String value) {
            this(new BrokerUrlProblem(rule, value, "", false));
        }

        Exception(BrokerUrlProblem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public BrokerUrlProblem problem() {
            return problem;
        }
    }
}
