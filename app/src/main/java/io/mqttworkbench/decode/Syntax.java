package io.mqttworkbench.decode;

/** How decoded text is highlighted. */
public enum Syntax {
    PLAIN, JSON, XML, HEX
}
