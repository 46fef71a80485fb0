package io.mqttworkbench.cli;

import io.mqttworkbench.profile.JwtGenerator;
import io.mqttworkbench.profile.JwtRequest;
import io.mqttworkbench.profile.JwtToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code jwt}: make a token for a test broker that checks JWT passwords with a shared secret, or decode one. */
@Command(name = "jwt", mixinStandardHelpOptions = true,
        description = "Print a JSON Web Token signed with a shared secret (HS256, HS384 or HS512), to use as the password for "
                + "a test broker; or, with --decode, show what a token says (its signature is not checked).",
        footer = {"", "Claim values true and false become booleans, numbers (without leading zeros) numbers, the rest strings. "
                + "The secret is used as its UTF-8 bytes. RFC 7518 asks for at least 32 of them for HS256, 48 for HS384, "
                + "64 for HS512; a shorter secret still signs, with a warning, since many brokers accept one.",
                "", "Examples:",
                "  mqtt-workbench jwt --secret-env JWT_SECRET --sub alice --claim role=admin",
                "  export TOKEN=\"$(mqtt-workbench jwt --secret-env JWT_SECRET --sub alice)\"",
                "  mqtt-workbench pub -t test -m hi --username alice --password-env TOKEN",
                "  mqtt-workbench jwt --decode \"$TOKEN\""})
final class JwtCommand implements Callable<Integer> {

    private final CliStreams streams;
    private final UnaryOperator<String> environment;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Secret secret;

    static final class Secret {
        @Option(names = "--secret", paramLabel = "SECRET", description = "The shared secret (visible in the process list: prefer --secret-env).")
        String text;

        @Option(names = "--secret-env", paramLabel = "VARIABLE", description = "Read the shared secret from this environment variable.")
        String variable;
    }

    @Option(names = "--alg", paramLabel = "HS256|HS384|HS512", defaultValue = "HS256", converter = AlgorithmConverter.class,
            description = "Signing algorithm (default: ${DEFAULT-VALUE}).")
    JwtRequest.Algorithm algorithm;

    @Option(names = "--sub", paramLabel = "SUBJECT", description = "The subject (sub claim), often the MQTT user name.")
    String subject;

    @Option(names = "--claim", paramLabel = "KEY=VALUE", description = "A further claim; repeat for several.")
    List<String> claims = new ArrayList<>();

    @Option(names = "--ttl", paramLabel = "SECONDS",
            description = "Expire this many seconds from now (default: never; negative for a token that has already expired).")
    Long ttlSeconds;

    @Option(names = "--decode", paramLabel = "TOKEN",
            description = "Print this token's header, claims and a summary instead of making one (a 'Bearer ' prefix is fine).")
    String decode;

    JwtCommand(CliStreams streams) {
        this(streams, System::getenv, Clock.systemUTC());
    }

    /** For tests: a stand-in environment, and a fixed clock for {@code iat}, {@code exp} and the summary. */
    JwtCommand(CliStreams streams, UnaryOperator<String> environment, Clock clock) {
        this.streams = streams;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        if (decode != null) {
            boolean makingOptions = secret != null || subject != null || !claims.isEmpty() || ttlSeconds != null
                    || spec.commandLine().getParseResult().hasMatchedOption("--alg");
            if (makingOptions) {
                throw new CliFailure("--decode reads a token; it takes none of --secret, --secret-env, --alg, --sub, --claim, --ttl",
                        ExitCodes.USAGE);
            }
            return decode();
        }
        JwtRequest request;
        try {
            request = new JwtRequest(secret(), algorithm, subject, claims(), ttlSeconds == null ? null : Duration.ofSeconds(ttlSeconds));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
        print(new JwtGenerator(clock).generate(request) + "\n");
        // on standard error, so that TOKEN="$(mqtt-workbench jwt ...)" still captures the token alone
        request.warning().ifPresent(warning -> streams.err().println("mqtt-workbench jwt: warning: " + warning));
        return ExitCodes.OK;
    }

    private int decode() throws IOException {
        // Never echo the text back: when it is not a token, it may well be somebody's password.
        JwtToken token = JwtToken.tryParse(decode).orElseThrow(() -> new CliFailure(
                "--decode: not a JWT (expected base64url-encoded JSON in the form header.claims.signature)", ExitCodes.USAGE));
        print("Header:\n" + token.headerJson() + "\nClaims:\n" + token.claimsJson() + "\n" + token.summary(clock.instant()) + "\n");
        return ExitCodes.OK;
    }

    private String secret() {
        if (secret == null) {
            throw new CliFailure("a shared secret is needed: give --secret SECRET or --secret-env VARIABLE (or --decode TOKEN to read a token)",
                    ExitCodes.USAGE);
        }
        if (secret.variable == null) {
            return secret.text;
        }
        String value = environment.apply(secret.variable);
        if (value == null) {
            throw new CliFailure("--secret-env: the environment variable " + secret.variable + " is not set", ExitCodes.USAGE);
        }
        return value;
    }

    private Map<String, String> claims() {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String claim : claims) {
            int equals = claim.indexOf('=');
            if (equals < 0) {
                throw new CliFailure("--claim expects KEY=VALUE, not '" + claim + "'", ExitCodes.USAGE);
            }
            String name = claim.substring(0, equals).strip();
            switch (name) {
                case "" -> throw new CliFailure("--claim needs a name before the '=': '" + claim + "'", ExitCodes.USAGE);
                case "sub" -> throw new CliFailure("--claim sub: give the subject with --sub", ExitCodes.USAGE);
                case "exp", "iat" -> throw new CliFailure("--claim " + name + ": " + name + " is set from the clock and --ttl", ExitCodes.USAGE);
                default -> {
                    if (parsed.putIfAbsent(name, claim.substring(equals + 1)) != null) {
                        throw new CliFailure("--claim " + name + " is given twice", ExitCodes.USAGE);
                    }
                }
            }
        }
        return parsed;
    }

    private void print(String text) throws IOException {
        streams.out().write(text.getBytes(StandardCharsets.UTF_8));
        streams.out().flush();
    }

    /** Accepts the algorithm in any case, refusing the others with the choices rather than picocli's enum message. */
    static final class AlgorithmConverter implements ITypeConverter<JwtRequest.Algorithm> {
        @Override
        public JwtRequest.Algorithm convert(String value) {
            try {
                return JwtRequest.Algorithm.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
