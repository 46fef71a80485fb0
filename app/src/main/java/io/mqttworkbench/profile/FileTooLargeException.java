package io.mqttworkbench.profile;

import io.mqttworkbench.decode.Sizes;
import java.io.IOException;
import java.nio.file.Path;

/** A settings file too large to be one: refused before reading, with its size and the limit in words. */
public final class FileTooLargeException extends IOException {

    public FileTooLargeException(Path file, long size, long limit) {
        super(file + " is " + Sizes.bytes(size) + ", more than the " + Sizes.bytes(limit) + " such a file can be, so it is not read");
    }
}
