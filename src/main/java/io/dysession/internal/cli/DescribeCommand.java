package io.dysession.internal.cli;

import java.io.PrintWriter;
import java.util.List;

import io.dysession.internal.admin.DescribedTable;
import io.dysession.internal.store.TableLayout;
import picocli.CommandLine.Command;

/** {@code describe}: the table as DynamoDB sees it, and whether it fits the settings. */
@Command(name = "describe",
        description = {"Show the table and whether it matches the settings.",
                "%nShows the table's status, key schema, billing mode, TTL status and item count estimate, and "
                        + "whether it matches the configured settings (key schema and TTL attribute). Exits with 1 "
                        + "when the table is missing or does not match."})
final class DescribeCommand extends TableCommand {

    @Override
    void run(SessionTable table) {
        DescribedTable description = table.require();
        TableLayout layout = table.layout();
        PrintWriter out = out();
        line(out, "Table", layout.table());
        line(out, "Region", table.location().region());
        line(out, "Endpoint", table.location().endpoint());
        line(out, "Status", description.status());
        line(out, "Billing", "PROVISIONED".equals(description.billingMode())
                ? "PROVISIONED (" + description.readCapacity() + " read, " + description.writeCapacity()
                        + " write capacity units)"
                : description.billingMode() + " (on-demand)");
        line(out, "Partition key", String.valueOf(description.partitionKey()));
        line(out, "Sort key", description.sortKey().map(String::valueOf).orElse("none"));
        line(out, "TTL", description.ttlStatus() + description.ttlAttribute().map(name -> " on '" + name + "'")
                .orElse(""));
        line(out, "Caller index", "'" + layout.callerIndex() + "' " + description.callerIndexStatus(layout)
                .orElse("MISSING (DySessionRegistry and dysession.login.max-sessions need it: run 'dysession init')"));
        line(out, "Items", "about " + description.itemCount() + " (DynamoDB updates this about every six hours)");
        line(out, "Size", "about " + description.sizeBytes() + " bytes");
        List<String> differences = table.differences(description);
        line(out, "Matches settings", differences.isEmpty() ? "yes (partition key '" + layout.partitionKey()
                + "'" + layout.sortKey().map(key -> ", sort key '" + key + "'").orElse("")
                + ", TTL attribute '" + layout.ttlAttribute() + "')" : "no");
        if (differences.isEmpty() && !description.ttlEnabledOn(layout)) {
            out.println("Note: TTL is not enabled on '" + layout.ttlAttribute() + "', so DynamoDB does not "
                    + "delete expired sessions. Run 'dysession init' to enable it, or 'dysession purge' "
                    + "regularly.");
        }
        if (!differences.isEmpty()) {
            throw table.mismatch(differences);
        }
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-18s%s%n", label + ":", value);
    }
}
