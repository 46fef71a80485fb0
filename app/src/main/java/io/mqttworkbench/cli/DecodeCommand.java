package io.mqttworkbench.cli;

import io.mqttworkbench.decode.Decoded;
import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.decode.ProtoSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code decode}: a payload from a file or standard input, decoded exactly as the window's detail pane shows it. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Prints a payload decoded the way the window shows it: structured formats as indented JSON.",
                "Reads FILE, or standard input when FILE is - or missing. The detected format and notes go to standard error with -v.",
                "Output stops at 64,000,000 characters (or 10 s of decoding); a last line starting with \u2026 then says so."},
        footer = {"", "Exit codes: 0 decoded, 1 the payload is not in the format given with --format (it is then printed as text or hex),",
                "2 bad arguments or an unreadable file."})
final class DecodeCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, text, json, xml, hex, base64, cbor, msgpack, protobuf, sparkplug or gzip (also zlib). Default: auto.")
    String format;

    @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC", defaultValue = "",
            description = "The topic the payload came from: detection uses it (spBv1.0/... is Sparkplug B).")
    String topic;

    @Option(names = "--proto-desc", paramLabel = "FILE",
            description = "A Protobuf descriptor set (protoc --descriptor_set_out=FILE --include_imports) to read the payload with.")
    Path protoDescriptor;

    @Option(names = "--message", paramLabel = "NAME", description = "The message type in --proto-desc, such as acme.Order.")
    String messageName;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Where the window keeps its Protobuf schemas, used for -t TOPIC without --proto-desc (default: the usual place).")
    Path configDir;

    @Option(names = {"-v", "--verbose"}, description = "Say on standard error which format was found.")
    boolean verbose;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The payload file; - or none for standard input.")
    String file;

    DecodeCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws IOException {
        Optional<PayloadFormat> chosen = format.equalsIgnoreCase("auto") ? Optional.empty() : Optional.of(PayloadFormat.byId(format)
                .orElseThrow(() -> new CliFailure("unknown format '" + format
                        + "': use auto, text, json, xml, hex, base64, cbor, msgpack, protobuf, sparkplug or gzip", ExitCodes.USAGE)));
        if ((protoDescriptor == null) != (messageName == null)) {
            throw new CliFailure("--proto-desc and --message go together", ExitCodes.USAGE);
        }
        ProtoSchemas schemas = new ProtoSchemas();
        String decodeTopic = topic;
        if (protoDescriptor == null && !topic.isEmpty()) {
            // the schemas saved in the window, so a payload reads here as it does there
            schemas = new SavedItems(configDir).protobufSchemas(w -> streams.err().println("decode: " + w));
        }
        if (protoDescriptor != null) {
            schemas.add("#", protoDescriptor, messageName); // a bad file or name says why, exit code 2
            if (decodeTopic.isEmpty() || decodeTopic.startsWith("$")) {
                decodeTopic = "payload"; // the schema applies to whatever was given; "#" does not match $ topics
            }
        }
        byte[] payload = read();
        Decoded decoded = new DecoderRegistry(schemas).decode(payload, decodeTopic, chosen, DecoderRegistry.ALL_CHARS);
        java.io.Writer out = new java.io.OutputStreamWriter(streams.out(), StandardCharsets.UTF_8); // no second copy of a large output as bytes
        out.write(decoded.text());
        if (!decoded.text().isEmpty() && !decoded.text().endsWith("\n")) {
            out.write('\n');
        }
        if (decoded.truncated()) {
            out.write(MessagePrinter.cutShort(decoded));
        }
        out.flush();
        if (verbose) {
            streams.err().println("decode: " + decoded.format().label() + (decoded.note().isEmpty() ? "" : " (" + decoded.note() + ")"));
        }
        if (decoded.failed()) {
            streams.err().println("decode: " + decoded.error());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private byte[] read() throws IOException {
        if (file == null || file.equals("-")) {
            try (InputStream in = streams.in()) {
                return in.readAllBytes();
            }
        }
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CliFailure("no such file: " + file, ExitCodes.USAGE);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage(), ExitCodes.USAGE);
        }
    }
}
