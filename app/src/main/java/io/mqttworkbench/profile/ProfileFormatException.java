package io.mqttworkbench.profile;

/** A profiles document that cannot be read, with the reason in words (and the profile it concerns). */
public final class ProfileFormatException extends RuntimeException {
    public ProfileFormatException(String message) {
        super(message);
    }
}
