package io.mqttworkbench.mqtt;

import java.security.SecureRandom;

/** Client identifiers the workbench makes up when the user leaves the field empty. */
public final class ClientIds {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientIds() {
    }

    /** "mqttwb-" and 10 random characters: 23 characters at most, so even strict 3.1.1 brokers accept it. */
    public static String generate() {
        return "mqttwb-" + randomSuffix(10);
    }

    public static String randomSuffix(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
