package io.dysession.internal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code destroy}: deletes the table once the operator has typed its name (or passed --yes). */
@Command(name = "destroy", mixinStandardHelpOptions = true, versionProvider = DySessionCli.Version.class,
        sortOptions = false, abbreviateSynopsis = true,
        description = {"Delete the session table and every session in it.",
                "%nAsks you to type the table name to confirm, unless --yes is given; without that answer on "
                        + "standard input nothing is deleted. A table whose key schema is not the configured one is "
                        + "never deleted. Waits until the table is gone."})
final class DestroyCommand implements Callable<Integer> {

    @ParentCommand
    private DySessionCli cli;

    @Spec
    private CommandSpec spec;

    @Option(names = "--yes", description = "delete without asking for confirmation")
    private boolean yes;

    @Mixin
    private SettingsOptions settings;

    @Override
    public Integer call() {
        try (SessionTable table = SessionTable.open(settings.resolve(cli.environment(), spec))) {
            // A mistyped --table-name must not delete some other application's table.
            table.requireConfiguredKeys();
            if (!yes) {
                confirm(table);
            }
            table.admin().delete();
            spec.commandLine().getOut().println("Deleted DynamoDB " + table.location() + ".");
            return 0;
        }
    }

    private void confirm(SessionTable table) {
        PrintWriter err = spec.commandLine().getErr();
        err.print("This deletes DynamoDB " + table.location() + " and every session in it. Type the table name to "
                + "confirm: ");
        err.flush();
        String answer = cli.readLine();
        if (answer == null) {
            err.println();
            throw new CommandFailure("No confirmation on standard input, so DynamoDB " + table.location() + " was "
                    + "not deleted. Type the table name when asked, or pass --yes.");
        }
        if (!answer.strip().equals(table.layout().table())) {
            throw new CommandFailure("The answer is not the table name, so DynamoDB " + table.location() + " was "
                    + "not deleted.");
        }
    }
}
