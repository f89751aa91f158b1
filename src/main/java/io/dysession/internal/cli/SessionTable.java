package io.dysession.internal.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.dysession.internal.admin.DescribedTable;
import io.dysession.internal.admin.TableAdmin;
import io.dysession.internal.config.Settings;
import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.DynamoDbClients;
import io.dysession.internal.dynamodb.StoreLocation;
import io.dysession.internal.store.TableLayout;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The configured session table and a DynamoDB client for it, open for the length of one command.
 */
final class SessionTable implements AutoCloseable {

    private final Settings settings;
    private final DynamoDbClient client;
    private final TableLayout layout;
    private final StoreLocation location;
    private final CallPath calls;
    private final TableAdmin admin;

    private SessionTable(Settings settings, DynamoDbClient client) {
        this.settings = settings;
        this.client = client;
        this.layout = TableLayout.of(settings.table());
        this.location = DynamoDbClients.locate(client, settings.table().name());
        this.calls = CallPath.forTools(client, location);
        this.admin = new TableAdmin(calls, layout);
    }

    static SessionTable open(Settings settings) {
        try {
            return new SessionTable(settings, DynamoDbClients.build(settings.client()));
        } catch (SdkException e) {
            StoreLocation location = new StoreLocation(settings.table().name(),
                    settings.client().region().orElse("not set"),
                    settings.client().endpoint().map(URI::toString).orElse("default AWS endpoint"));
            // The SDK's own message lists every provider it asked; the gist is enough here.
            String reason = e.getMessage() != null && e.getMessage().startsWith("Unable to load region")
                    ? "the AWS SDK found no region (environment, system properties, profile, instance metadata)."
                    : e.getMessage();
            throw new CommandFailure("Cannot build a DynamoDB client for " + location + ": " + reason
                    + " Set --region or DYSESSION_DYNAMODB_REGION (or AWS_REGION) to the table's region.");
        }
    }

    Settings settings() {
        return settings;
    }

    /** Every DynamoDB call of a command goes this way. */
    CallPath calls() {
        return calls;
    }

    TableLayout layout() {
        return layout;
    }

    StoreLocation location() {
        return location;
    }

    TableAdmin admin() {
        return admin;
    }

    /** The table's description; a failure when it does not exist. */
    DescribedTable require() {
        return admin.describe().orElseThrow(() -> new CommandFailure("DynamoDB " + location + " does not exist. "
                + "Create it with 'dysession init' (same settings), or point --table-name (DYSESSION_TABLE_NAME) at "
                + "an existing table."));
    }

    /** The table's description; a failure when it does not exist or its keys are not the configured ones. */
    DescribedTable requireConfiguredKeys() {
        DescribedTable table = require();
        List<String> differences = table.keySchemaDifferences(layout);
        if (!differences.isEmpty()) {
            throw mismatch(differences);
        }
        return table;
    }

    /** Every way the table differs from the settings: key schema, and TTL on another attribute. */
    List<String> differences(DescribedTable table) {
        List<String> differences = new ArrayList<>(table.keySchemaDifferences(layout));
        table.ttlDifference(layout).ifPresent(differences::add);
        return differences;
    }

    CommandFailure mismatch(List<String> differences) {
        return new CommandFailure("DynamoDB " + location + " " + String.join(", and ", differences) + ". Point "
                + "--table-name at a table made for dysession (create one with 'dysession init'), or set "
                + "--partition-key, --sort-key and --ttl-attribute to match this one.");
    }

    @Override
    public void close() {
        client.close();
    }
}
