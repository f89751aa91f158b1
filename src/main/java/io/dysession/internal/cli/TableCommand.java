package io.dysession.internal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the commands share: the settings flags, the table opened for the length of the command
 * and closed after it, and the exit codes (0 when {@link #run} returns, 1 for a failure, 2 for a
 * usage error found by {@link #checkArguments} before anything is opened).
 */
@Command(mixinStandardHelpOptions = true, versionProvider = DySessionCli.Version.class, sortOptions = false,
        abbreviateSynopsis = true)
abstract class TableCommand implements Callable<Integer> {

    @ParentCommand
    private DySessionCli cli;

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() {
        checkArguments();
        try (SessionTable table = SessionTable.open(SettingsOptions.resolve(spec, cli.environment()))) {
            run(table);
            return 0;
        }
    }

    /** Rejects arguments that cannot work, before any DynamoDB client is built. */
    void checkArguments() {
    }

    abstract void run(SessionTable table);

    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The next line of standard input, or null at its end. */
    String readLine() {
        return cli.readLine();
    }
}
