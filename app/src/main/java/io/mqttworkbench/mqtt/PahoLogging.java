package io.mqttworkbench.mqtt;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Paho logs through java.util.logging, at INFO for every QoS 2 message it receives, formatting the
 * text each time. Raising its threshold stops that work on the receive path; warnings still reach the
 * application log through the JUL bridge.
 */
final class PahoLogging {
    // JUL holds loggers weakly: keep them, or the level set here is lost at the next garbage collection.
    private static final Logger MQTTV5 = Logger.getLogger("org.eclipse.paho.mqttv5");
    private static final Logger MQTTV3 = Logger.getLogger("org.eclipse.paho.client.mqttv3");

    static {
        MQTTV5.setLevel(Level.WARNING);
        MQTTV3.setLevel(Level.WARNING);
    }

    private PahoLogging() {
    }

    /** Applies the levels (once, by loading this class). */
    static void quiet() {
        // the static initialiser does the work
    }
}
