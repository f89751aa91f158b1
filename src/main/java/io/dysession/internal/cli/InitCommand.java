package io.dysession.internal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import io.dysession.internal.admin.DescribedTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/** {@code init}: creates the table, enables TTL, waits until ACTIVE; an existing matching table is fine. */
@Command(name = "init",
        description = {"Create the session table, enable TTL, wait until it is ACTIVE.",
                "%nCreates the table with the configured key schema (on-demand billing unless --provisioned) and "
                        + "the caller index of logged-in sessions, enables TTL on the TTL attribute and waits until "
                        + "the table is ACTIVE. An existing table with the configured key schema is fine: init then "
                        + "only enables TTL if it is off and adds the caller index if it is missing. One with "
                        + "another key schema is an error that says what differs."})
final class InitCommand extends TableCommand {

    @ArgGroup(exclusive = false, heading = "%nBilling (default: on-demand, PAY_PER_REQUEST):%n")
    private Provisioned provisioned;

    static final class Provisioned {
        @Option(names = "--provisioned", required = true, description = "provisioned capacity instead of on-demand")
        boolean provisioned;

        @Option(names = "--read-capacity", required = true, paramLabel = "N", description = "read capacity units")
        long read;

        @Option(names = "--write-capacity", required = true, paramLabel = "N", description = "write capacity units")
        long write;
    }

    private Optional<ProvisionedThroughput> capacity;

    @Override
    void checkArguments() {
        capacity = capacity();
    }

    @Override
    void run(SessionTable table) {
        PrintWriter out = out();
        String ttl = table.layout().ttlAttribute();
        Optional<DescribedTable> existing = table.admin().describe();
        boolean created = existing.isEmpty() && table.admin().create(capacity);
        if (!created) {
            // It existed, or someone created it since we looked: it must have our keys either way.
            DescribedTable description = existing.isPresent() ? existing.get() : table.require();
            List<String> differences = table.differences(description);
            if (!differences.isEmpty()) {
                throw table.mismatch(differences);
            }
        }
        table.admin().awaitActive();
        boolean ttlEnabled = table.admin().enableTtl();
        boolean indexAdded = !created && table.admin().createCallerIndex(capacity);
        if (created) {
            out.println("Created DynamoDB " + table.location() + ": partition key '" + table.layout().partitionKey()
                    + "'" + table.layout().sortKey().map(key -> ", sort key '" + key + "'").orElse("") + ", "
                    + (capacity.isPresent() ? "provisioned " + provisioned.read + " read / " + provisioned.write
                    + " write capacity units" : "on-demand billing") + ", TTL on '" + ttl + "', index '"
                    + table.layout().callerIndex() + "'. It is ACTIVE.");
        } else {
            out.println("DynamoDB " + table.location() + " already exists with the configured key schema"
                    + (ttlEnabled ? "; enabled TTL on '" + ttl + "'" : "; TTL is on '" + ttl + "'")
                    + ". It is ACTIVE.");
            if (indexAdded) {
                out.println("Added the index '" + table.layout().callerIndex() + "' (logged-in sessions by caller); "
                        + "DynamoDB builds it in the background, and describe shows its status.");
            }
        }
    }

    private Optional<ProvisionedThroughput> capacity() {
        if (provisioned == null) {
            return Optional.empty();
        }
        if (provisioned.read < 1 || provisioned.write < 1) {
            throw usageError("--read-capacity and --write-capacity must be 1 or more.");
        }
        return Optional.of(ProvisionedThroughput.builder().readCapacityUnits(provisioned.read)
                .writeCapacityUnits(provisioned.write).build());
    }
}
