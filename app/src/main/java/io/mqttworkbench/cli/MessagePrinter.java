package io.mqttworkbench.cli;

import io.mqttworkbench.decode.Decoded;
import io.mqttworkbench.decode.Utf8;
import io.mqttworkbench.message.MessageJson;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * Prints received messages one per line into a large buffer; the caller flushes once per drained
 * batch, so a flood is written in big chunks instead of one system call per message.
 */
sealed interface MessagePrinter permits MessagePrinter.TabSeparated, MessagePrinter.JsonLines, MessagePrinter.DecodedBlocks {

    void print(ReceivedMessage message) throws IOException;

    void flush() throws IOException;

    static MessagePrinter of(boolean json, OutputStream out) {
        return of(json, null, out);
    }

    /** With a decoder: JSON lines gain the decoded payload, plain output becomes one block per message. */
    static MessagePrinter of(boolean json, Function<ReceivedMessage, Decoded> decoder, OutputStream out) {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        if (json) {
            return new JsonLines(buffered, decoder);
        }
        return decoder == null ? new TabSeparated(buffered) : new DecodedBlocks(buffered, decoder);
    }

    /**
     * The line that says a decoded payload stops short (at the output limit or the time limit) and why,
     * after its text: "… JSON, 50.0 MB, showing the first part; output stops at the 64,000,000-character limit".
     */
    static String cutShort(Decoded decoded) {
        return "\u2026 " + decoded.format().label() + (decoded.note().isEmpty() ? "" : ", " + decoded.note()) + "\n";
    }

    /** {@code topic<TAB>payload}: the payload as text when it is UTF-8, otherwise {@code base64:} and its base64. */
    final class TabSeparated implements MessagePrinter {
        private static final byte[] BASE64_PREFIX = "base64:".getBytes(StandardCharsets.US_ASCII);
        private final OutputStream out;

        TabSeparated(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void print(ReceivedMessage message) throws IOException {
            out.write(message.topic().getBytes(StandardCharsets.UTF_8));
            out.write('\t');
            byte[] payload = message.payload();
            if (Utf8.isValid(payload)) {
                out.write(payload);
            } else {
                out.write(BASE64_PREFIX);
                out.write(Base64.getEncoder().encode(payload));
            }
            out.write('\n');
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }
    }

    /** One JSON object per line, see {@link MessageJson}; with a decoder, also the decoded payload. */
    final class JsonLines implements MessagePrinter {
        private final Writer out;
        private final Function<ReceivedMessage, Decoded> decoder;

        JsonLines(OutputStream out, Function<ReceivedMessage, Decoded> decoder) {
            this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.decoder = decoder;
        }

        @Override
        public synchronized void print(ReceivedMessage message) throws IOException {
            if (decoder == null) {
                MessageJson.write(message, out);
            } else {
                Decoded decoded = decoder.apply(message);
                MessageJson.write(message, decoded.format().id(), decoded.text(), out);
            }
            out.write('\n');
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }
    }

    /** A line {@code topic<TAB>format}, the decoded payload as the window shows it, and an empty line. */
    final class DecodedBlocks implements MessagePrinter {
        private final Writer out;
        private final Function<ReceivedMessage, Decoded> decoder;

        DecodedBlocks(OutputStream out, Function<ReceivedMessage, Decoded> decoder) {
            this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.decoder = decoder;
        }

        @Override
        public synchronized void print(ReceivedMessage message) throws IOException {
            Decoded decoded = decoder.apply(message);
            out.write(message.topic());
            out.write('\t');
            out.write(decoded.format().id());
            out.write('\n');
            out.write(decoded.text());
            if (!decoded.text().endsWith("\n") && !decoded.text().isEmpty()) {
                out.write('\n');
            }
            if (decoded.truncated()) {
                out.write(cutShort(decoded));
            }
            out.write('\n');
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }
    }
}
