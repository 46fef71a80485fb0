package io.mqttworkbench.cli;

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

/**
 * Prints received messages one per line into a large buffer; the caller flushes once per drained
 * batch, so a flood is written in big chunks instead of one system call per message.
 */
sealed interface MessagePrinter permits MessagePrinter.TabSeparated, MessagePrinter.JsonLines {

    void print(ReceivedMessage message) throws IOException;

    void flush() throws IOException;

    static MessagePrinter of(boolean json, OutputStream out) {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        return json ? new JsonLines(buffered) : new TabSeparated(buffered);
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

    /** One JSON object per line, see {@link MessageJson}. */
    final class JsonLines implements MessagePrinter {
        private final Writer out;

        JsonLines(OutputStream out) {
            this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void print(ReceivedMessage message) throws IOException {
            MessageJson.write(message, out);
            out.write('\n');
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }
    }
}
