package io.dysession.internal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

import io.dysession.DySessionStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * The dysession command-line tool: {@code java -jar dysession-<version>-cli.jar <command>}.
 * Exit codes: 0 success, 1 failure, 2 usage error.
 */
@Command(name = "dysession", mixinStandardHelpOptions = true, versionProvider = DySessionCli.Version.class,
        description = "Sets up, inspects and cleans the DynamoDB table that holds dysession sessions.",
        subcommands = {InitCommand.class, DestroyCommand.class, PurgeCommand.class, DescribeCommand.class,
                InspectCommand.class, RekeyCommand.class},
        footer = {"%nEvery command reads the library's settings under the same names: a flag such as "
                + "--table-name wins over its environment variable DYSESSION_TABLE_NAME, which wins over the "
                + "default. The encryption keys come from DYSESSION_ENCRYPTION_KEYS only, never a flag. See "
                + "'dysession <command> --help'.",
                "%nExit codes: 0 success, 1 failure (the message names table, region and endpoint), 2 usage "
                + "error."})
public final class DySessionCli implements Runnable {

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;
    private final InputStream stdin;
    private BufferedReader input;

    /** Reads the process environment and standard input. */
    public DySessionCli() {
        this(System.getenv(), System.in);
    }

    /** Reads settings from {@code environment} and answers from {@code stdin}, for tests and embedding. */
    public DySessionCli(Map<String, String> environment, InputStream stdin) {
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.in, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code; failures are reported as one message on {@code err}. */
    public static int run(String[] args, Map<String, String> environment, InputStream stdin, PrintWriter out,
                          PrintWriter err) {
        CommandLine commandLine = new CommandLine(new DySessionCli(environment, stdin));
        commandLine.getSubcommands().values().forEach(command -> SettingsOptions.addTo(command.getCommandSpec()));
        commandLine.setOut(out).setErr(err).setExecutionExceptionHandler(DySessionCli::report);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: one of init, destroy, purge, describe, "
                + "inspect, rekey.");
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The next line of standard input, or null at its end. */
    String readLine() {
        try {
            if (input == null) {
                input = new BufferedReader(new InputStreamReader(stdin, Charset.defaultCharset()));
            }
            return input.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    // Expected failures carry a message that says where and what to do; anything else is a bug, with its trace.
    private static int report(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandSpec().qualifiedName();
        if (failure instanceof DySessionStoreException || failure instanceof CommandFailure) {
            err.println(commandLine.getColorScheme().errorText(command + ": " + failure.getMessage()));
        } else {
            err.println(commandLine.getColorScheme().errorText(command + ": unexpected failure: " + failure));
            failure.printStackTrace(err);
        }
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    /** dysession, AWS SDK, picocli and Java versions. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = Optional.ofNullable(DySessionCli.class.getPackage().getImplementationVersion())
                    .orElse("(development build)");
            return new String[] {"dysession " + version, "AWS SDK for Java " + VersionInfo.SDK_VERSION + ", picocli "
                    + CommandLine.VERSION + ", Java " + System.getProperty("java.version")};
        }
    }
}
