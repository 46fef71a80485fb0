package io.mqttworkbench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments as the user typed them. Under a non-UTF-8 locale ({@code LANG=C}, common in containers and CI)
 * the JVM decodes its arguments as ASCII, so {@code sub -t '工厂/#'} would subscribe to "??????/#". On Linux the
 * kernel keeps the exact bytes in {@code /proc/self/cmdline}; they are read back as UTF-8 where they agree with
 * what the JVM made of them.
 */
final class CommandLineArguments {
    private CommandLineArguments() {
    }

    static String[] asTyped(String[] args) {
        String jnu = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (args.length == 0 || isUtf8(jnu) || !Charset.isSupported(jnu)) {
            return args;
        }
        Path cmdline = Path.of("/proc/self/cmdline");
        if (!Files.isReadable(cmdline)) {
            return args;
        }
        try {
            return recovered(args, Files.readAllBytes(cmdline), Charset.forName(jnu));
        } catch (IOException | RuntimeException e) {
            return args; // what the JVM decoded is still usable for everything written in ASCII
        }
    }

    /** The last {@code args.length} entries of the NUL-separated {@code raw} command line, as UTF-8, if each matches its JVM-decoded twin. */
    static String[] recovered(String[] args, byte[] raw, Charset jvmCharset) {
        List<byte[]> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                entries.add(java.util.Arrays.copyOfRange(raw, start, i));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            entries.add(java.util.Arrays.copyOfRange(raw, start, raw.length));
        }
        if (entries.size() < args.length) {
            return args;
        }
        String[] typed = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            byte[] bytes = entries.get(entries.size() - args.length + i);
            // the same argument: the bytes decode to what the JVM gave us, in the JVM's charset
            if (!new String(bytes, jvmCharset).equals(args[i])) {
                return args;
            }
            typed[i] = new String(bytes, StandardCharsets.UTF_8);
        }
        return typed;
    }

    private static boolean isUtf8(String charset) {
        return charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8");
    }
}
