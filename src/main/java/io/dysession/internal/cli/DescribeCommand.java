package io.dysession.internal.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

import io.dysession.internal.admin.DescribedTable;
import io.dysession.internal.admin.KeyUsage;
import io.dysession.internal.crypto.KeyRing;
import io.dysession.internal.store.ItemRekey;
import io.dysession.internal.store.TableLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code describe}: the table as DynamoDB sees it, and whether it fits the settings. */
@Command(name = "describe",
        description = {"Show the table and whether it matches the settings.",
                "%nShows the table's status, key schema, billing mode, TTL status and item count estimate, and "
                        + "whether it matches the configured settings (key schema and TTL attribute). Exits with 1 "
                        + "when the table is missing or does not match.",
                "%nWith --keys, also counts how many sessions and values use each encryption key id, and how many "
                        + "values are plain (not encrypted), with a Scan of the whole table: this reads every item "
                        + "(read capacity in proportion to the table's size). It reads the key ids stored with the "
                        + "values, so it needs no key."})
final class DescribeCommand extends TableCommand {

    @Option(names = "--keys", description = "count the sessions and values under each encryption key id (a Scan "
            + "of the whole table)")
    private boolean keys;

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
        if (keys) {
            keyUsage(table, out);
        }
    }

    private static void keyUsage(SessionTable table, PrintWriter out) {
        KeyUsage usage = KeyUsage.count(table.calls(), table.layout(), table.settings().table().keyPrefix());
        line(out, "Encryption keys", "counted with a Scan of " + usage.scanned() + " session items (it reads the "
                + "whole table)");
        KeyRing ring = table.settings().encryption().keys().orElse(null);
        usage.keys().keySet().stream().sorted(Comparator.comparing((String id) -> id.equals(ItemRekey.PLAIN))
                .thenComparing(Comparator.naturalOrder())).forEach(id -> {
                    KeyUsage.Use use = usage.keys().get(id);
                    String counts = use.items() + " sessions, " + use.values() + " values";
                    if (id.equals(ItemRekey.PLAIN)) {
                        line(out, "  plain", counts + " (not encrypted)");
                    } else {
                        line(out, "  key '" + id + "'", counts + note(ring, id));
                    }
                });
        if (usage.keys().isEmpty()) {
            line(out, "  (none)", "no session holds a value");
        }
    }

    // What the configured keys say of an id; nothing when DYSESSION_ENCRYPTION_KEYS is not set.
    private static String note(KeyRing ring, String id) {
        if (ring == null) {
            return "";
        }
        if (ring.active().id().equals(id)) {
            return " (active)";
        }
        return ring.find(id).isPresent() ? " (decrypt only: run 'dysession rekey' before retiring it)"
                : " (not in DYSESSION_ENCRYPTION_KEYS: these values do not decrypt)";
    }

    private static void line(PrintWriter out, String label, String value) {
        String head = label + ":";
        out.printf("%-18s%s%n", head.length() < 18 ? head : head + " ", value);
    }
}
