package io.mqttworkbench.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broken broker on loopback, for the cases a real one never produces: it answers CONNECT, SUBSCRIBE and
 * PINGREQ like a broker, and after each SUBACK sends whatever raw bytes the test hands it (a PUBLISH with
 * QoS 3, a NUL in its topic...). It speaks just enough MQTT 3.1.1 and 5 for that.
 */
public final class FakeBroker implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final AfterSubscribe script;

    /** What to send after the SUBACK; {@code protocolLevel} is 4 for MQTT 3.1.1 and 5 for MQTT 5. */
    @FunctionalInterface
    public interface AfterSubscribe {
        byte[] packets(int protocolLevel);
    }

    public FakeBroker(AfterSubscribe script) throws IOException {
        this.script = script;
        Thread acceptor = new Thread(this::acceptLoop, "fake-broker-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** CONNECT packets answered so far: a client that reconnected has sent two. */
    public int connects() {
        return connects.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread session = new Thread(() -> serve(socket), "fake-broker-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            int level = 4;
            while (true) {
                int header = in.read();
                if (header < 0) {
                    return;
                }
                byte[] body = new byte[remainingLength(in)];
                in.readFully(body);
                switch (header >> 4) {
                    case 1 -> { // CONNECT: protocol name (2 + 4 bytes), then the level
                        level = body[6];
                        connects.incrementAndGet();
                        out.write(level == 5 ? new byte[] {0x20, 3, 0, 0, 0} : new byte[] {0x20, 2, 0, 0});
                    }
                    case 8 -> { // SUBSCRIBE
                        out.write(suback(body, level));
                        out.write(script.packets(level));
                    }
                    case 12 -> out.write(new byte[] {(byte) 0xD0, 0}); // PINGREQ
                    case 14 -> { // DISCONNECT
                        return;
                    }
                    default -> { // PUBACK and the like: nothing to answer
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static byte[] suback(byte[] subscribe, int level) {
        int pos = 2;
        if (level == 5) {
            int[] read = varInt(subscribe, pos);
            pos = read[1] + read[0];
        }
        ByteArrayOutputStream codes = new ByteArrayOutputStream();
        while (pos < subscribe.length) {
            int length = (subscribe[pos] & 0xFF) << 8 | subscribe[pos + 1] & 0xFF;
            pos += 2 + length;
            codes.write(subscribe[pos] & 0x03); // the QoS asked for
            pos++;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(subscribe[0]);
        body.write(subscribe[1]);
        if (level == 5) {
            body.write(0);
        }
        body.writeBytes(codes.toByteArray());
        return packet(0x90, body.toByteArray());
    }

    /** A PUBLISH from raw parts, so a test can break any of them. */
    public static byte[] publish(int firstByte, byte[] topic, Integer packetId, int level, String payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(topic.length >> 8);
        body.write(topic.length & 0xFF);
        body.writeBytes(topic);
        if (packetId != null) {
            body.write(packetId >> 8);
            body.write(packetId & 0xFF);
        }
        if (level == 5) {
            body.write(0);
        }
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        return packet(firstByte, body.toByteArray());
    }

    public static byte[] publish(String topic, int level, String payload) {
        return publish(0x30, topic.getBytes(StandardCharsets.UTF_8), null, level, payload);
    }

    private static byte[] packet(int firstByte, byte[] body) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(firstByte);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    private static int remainingLength(DataInputStream in) throws IOException {
        int value = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.readUnsignedByte();
            value |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        return value;
    }

    /** {value, bytes used} of a variable byte integer at {@code pos}. */
    private static int[] varInt(byte[] data, int pos) {
        int value = 0;
        int shift = 0;
        int used = 0;
        int digit;
        do {
            digit = data[pos + used] & 0xFF;
            value |= (digit & 0x7F) << shift;
            shift += 7;
            used++;
        } while ((digit & 0x80) != 0);
        return new int[] {value, pos + used};
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
