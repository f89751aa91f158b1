package io.dysession.internal.admin;

import java.util.List;
import java.util.Optional;

import io.dysession.internal.store.ItemMapping;
import io.dysession.internal.store.TableLayout;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The caller index: a global secondary index whose partition key is the caller digest of logged-in
 * sessions. Sessions without a login lack the attribute and so are not in it (a sparse index).
 * It projects what {@code DySessionRegistry.sessionsOf} shows, so that listing is one {@code Query}.
 */
final class CallerIndexSchema {

    private CallerIndexSchema() {
    }

    static AttributeDefinition attribute(TableLayout layout) {
        return AttributeDefinition.builder().attributeName(layout.callerAttribute())
                .attributeType(ScalarAttributeType.S).build();
    }

    /** For {@code CreateTable}; provisioned tables give their index the same capacity. */
    static GlobalSecondaryIndex index(TableLayout layout, Optional<ProvisionedThroughput> capacity) {
        GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder().indexName(layout.callerIndex())
                .keySchema(key(layout)).projection(projection(layout));
        capacity.ifPresent(index::provisionedThroughput);
        return index.build();
    }

    /** For {@code UpdateTable} on an existing table. */
    static CreateGlobalSecondaryIndexAction create(TableLayout layout, Optional<ProvisionedThroughput> capacity) {
        CreateGlobalSecondaryIndexAction.Builder index = CreateGlobalSecondaryIndexAction.builder()
                .indexName(layout.callerIndex()).keySchema(key(layout)).projection(projection(layout));
        capacity.ifPresent(index::provisionedThroughput);
        return index.build();
    }

    /** The attributes the index holds besides the keys. */
    static List<String> projected(TableLayout layout) {
        return List.of(ItemMapping.CREATED, ItemMapping.ACCESSED, layout.ttlAttribute(), ItemMapping.LOGIN);
    }

    /** What to do when the caller index is missing: names the table, the index and the fix. */
    static String missingMessage(TableLayout layout) {
        return "DynamoDB table '" + layout.table() + "' has no global secondary index '" + layout.callerIndex()
                + "', which DySessionRegistry and dysession.login.max-sessions need to find a caller's sessions. "
                + "Add it with the command-line tool's init (java -jar dysession-<version>-cli.jar init --table-name "
                + layout.table() + "; it adds the index to an existing table), with "
                + "dysession.table.auto-create=true, or in CloudFormation/Terraform as docs/production.md shows "
                + "(partition key '" + layout.callerAttribute() + "' (S), projection INCLUDE "
                + projected(layout) + "); or set dysession.table.caller-index to the index's name.";
    }

    private static KeySchemaElement key(TableLayout layout) {
        return KeySchemaElement.builder().attributeName(layout.callerAttribute()).keyType(KeyType.HASH).build();
    }

    private static Projection projection(TableLayout layout) {
        return Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(projected(layout)).build();
    }
}
