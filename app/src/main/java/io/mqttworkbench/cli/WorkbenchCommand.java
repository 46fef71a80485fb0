package io.mqttworkbench.cli;

import io.mqttworkbench.BuildInfo;
import io.mqttworkbench.mqtt.ConnectionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The command-line face of the workbench: {@code mqtt-workbench <subcommand> ...}. */
@Command(name = "mqtt-workbench",
        mixinStandardHelpOptions = true,
        versionProvider = WorkbenchCommand.Version.class,
        description = {"MQTT Workbench: without arguments opens the desktop application;",
                "with a subcommand runs headless, for scripts and CI pipelines."},
        footer = {"", "Exit codes: 0 success, 1 broker unreachable or refused, 2 bad arguments or input, 3 sub or request timed out."},
        subcommands = CommandLine.HelpCommand.class)
public final class WorkbenchCommand implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: use sub, pub, request, record, replay, bench, decode, broker or jwt");
    }

    /** Parses and runs a command line; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, CliStreams.system());
    }

    static int run(String[] args, CliStreams streams) {
        return commandLine(streams).execute(args);
    }

    static CommandLine commandLine(CliStreams streams) {
        CommandLine line = new CommandLine(new WorkbenchCommand());
        line.addSubcommand("sub", new SubCommand(streams));
        line.addSubcommand("pub", new PubCommand(streams));
        line.addSubcommand("broker", new BrokerCommand(streams));
        line.addSubcommand("jwt", new JwtCommand(streams));
        line.addSubcommand("decode", new DecodeCommand(streams));
        line.addSubcommand("request", new RequestCommand(streams));
        line.addSubcommand("record", new RecordCommand(streams));
        line.addSubcommand("replay", new ReplayCommand(streams));
        line.addSubcommand("bench", new BenchCommand(streams));
        line.addSubcommand("history", new HistoryCommand(streams));
        line.addSubcommand("sparkplug", new SparkplugCommand(streams));
        line.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(streams.out(), java.nio.charset.StandardCharsets.UTF_8), true));
        line.setErr(new java.io.PrintWriter(streams.err(), true));
        line.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        line.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            String name = failed.getCommandSpec().qualifiedName();
            Throwable cause = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
            if (cause instanceof CliFailure failure) {
                failed.getErr().println(name + ": " + failure.getMessage());
                return failure.exitCode();
            }
            if (cause instanceof ConnectionException connection) {
                failed.getErr().println(name + ": " + connection.getMessage());
                return ExitCodes.FAILED;
            }
            if (cause instanceof IllegalArgumentException illegal) {
                failed.getErr().println(name + ": " + illegal.getMessage());
                return ExitCodes.USAGE;
            }
            LOG.error("unexpected failure in {}", name, ex);
            failed.getErr().println(name + ": unexpected error: " + ex + " (details in the application log)");
            return ExitCodes.FAILED;
        });
        return line;
    }

    /** Reads the version the build wrote into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"MQTT Workbench " + BuildInfo.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
