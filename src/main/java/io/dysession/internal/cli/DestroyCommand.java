package io.dysession.internal.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code destroy}: deletes the table once the operator has typed its name (or passed --yes). */
@Command(name = "destroy",
        description = {"Delete the session table and every session in it.",
                "%nAsks you to type the table name to confirm, unless --yes is given; without that answer on "
                        + "standard input nothing is deleted. A table whose key schema is not the configured one is "
                        + "never deleted. Waits until the table is gone."})
final class DestroyCommand extends TableCommand {

    @Option(names = "--yes", description = "delete without asking for confirmation")
    private boolean yes;

    @Override
    void run(SessionTable table) {
        // A mistyped --table-name must not delete some other application's table.
        table.requireConfiguredKeys();
        if (!yes) {
            confirm(table);
        }
        table.admin().delete();
        out().println("Deleted DynamoDB " + table.location() + ".");
    }

    private void confirm(SessionTable table) {
        PrintWriter err = err();
        err.print("This deletes DynamoDB " + table.location() + " and every session in it. Type the table name to "
                + "confirm: ");
        err.flush();
        String answer = readLine();
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
