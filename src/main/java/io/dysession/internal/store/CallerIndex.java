package io.dysession.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The logged-in sessions of a caller, through the sparse caller index: listed with one
 * {@code Query} (more only for very many sessions), and ended with one {@code DeleteItem} each.
 * Index reads are eventually consistent (DynamoDB has no other kind on a global index): a login
 * of the last moments may be missing from a listing.
 */
public final class CallerIndex {

    private final StoreCalls calls;
    private final TableLayout layout;
    private final CallerDigests callers;
    private final SessionCache cache;
    private volatile boolean present;

    CallerIndex(StoreCalls calls, TableLayout layout, CallerDigests callers, SessionCache cache) {
        this.calls = calls;
        this.layout = layout;
        this.callers = callers;
        this.cache = cache;
    }

    /** Every session the index holds for this caller, expired ones included (the caller judges expiry). */
    public List<IndexedSession> sessionsOf(String caller) {
        requirePresent();
        List<IndexedSession> sessions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = calls.call("Query", client -> client.query(b -> b.tableName(layout.table())
                    .indexName(layout.callerIndex())
                    .keyConditionExpression("#caller = :caller")
                    .expressionAttributeNames(Map.of("#caller", layout.callerAttribute()))
                    .expressionAttributeValues(Map.of(":caller", AttributeValue.fromS(callers.of(caller))))
                    .exclusiveStartKey(from)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                    response -> StoreCalls.one(response.consumedCapacity()));
            for (Map<String, AttributeValue> item : page.items()) {
                read(item).filter(session -> session.login().caller().equals(caller)).ifPresent(sessions::add);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return sessions;
    }

    /** Ends a session with one {@code DeleteItem}; true when it existed. */
    public boolean end(String key) {
        cache.remove(key);
        Map<String, AttributeValue> old = calls.call("DeleteItem", client -> client.deleteItem(b -> b
                .tableName(layout.table()).key(layout.key(key)).returnValues(ReturnValue.ALL_OLD)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> StoreCalls.one(response.consumedCapacity())).attributes();
        return old != null && !old.isEmpty();
    }

    /**
     * Fails with what to do when the table has no caller index; checked with one
     * {@code DescribeTable} until the index is found.
     */
    public void requirePresent() {
        if (present) {
            return;
        }
        DescribeTableResponse described = calls.call("DescribeTable",
                client -> client.describeTable(b -> b.tableName(layout.table())), response -> List.of());
        present = described.table().hasGlobalSecondaryIndexes() && described.table().globalSecondaryIndexes()
                .stream().anyMatch(index -> index.indexName().equals(layout.callerIndex()));
        if (!present) {
            throw new IllegalStateException(missingMessage(layout));
        }
    }

    /** What to do when the caller index is missing: names the table, the index and the fix. */
    public static String missingMessage(TableLayout layout) {
        return "DynamoDB table '" + layout.table() + "' has no global secondary index '" + layout.callerIndex()
                + "', which DySessionRegistry and dysession.login.max-sessions need to find a caller's sessions. "
                + "Add it with the command-line tool's init (java -jar dysession-<version>-cli.jar init --table-name "
                + layout.table() + "; it adds the index to an existing table), with "
                + "dysession.table.auto-create=true, or in CloudFormation/Terraform as docs/production.md shows "
                + "(partition key '" + layout.callerAttribute() + "' (S), projection INCLUDE "
                + CallerIndexSchema.projected(layout) + "); or set dysession.table.caller-index to the index's name.";
    }

    private Optional<IndexedSession> read(Map<String, AttributeValue> item) {
        AttributeValue key = item.get(layout.partitionKey());
        try {
            SessionLogin login = ItemMapping.loginOf(item);
            if (key == null || key.s() == null || login == null) {
                return Optional.empty();
            }
            return Optional.of(new IndexedSession(key.s(),
                    ItemMapping.number(item, ItemMapping.CREATED, ItemMapping.CREATED, true),
                    ItemMapping.number(item, ItemMapping.ACCESSED, ItemMapping.ACCESSED, true),
                    ItemMapping.number(item, layout.ttlAttribute(), layout.ttlAttribute(), true), login));
        } catch (ItemLayoutException e) {
            return Optional.empty(); // not a session item of this layout: not listed, as on a read
        }
    }
}
