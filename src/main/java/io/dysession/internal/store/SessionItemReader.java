package io.dysession.internal.store;

import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Reads one session item as stored, for support tools: a strongly consistent {@code GetItem},
 * no cache, expired items included.
 */
public final class SessionItemReader {

    private final DynamoDbClient client;
    private final TableLayout layout;
    private final StoreFailures failures;
    private final ItemMapping mapping;

    public SessionItemReader(DynamoDbClient client, TableLayout layout, StoreLocation location) {
        this.client = client;
        this.layout = layout;
        this.failures = new StoreFailures(location);
        // Reading only: the compression threshold applies to writes.
        this.mapping = new ItemMapping(layout, new BeanEncoding(Integer.MAX_VALUE));
    }

    /** The session stored under this partition key value (prefix + digest); empty when there is none. */
    public Optional<StoredSession> find(String key) {
        GetItemResponse response;
        try {
            response = client.getItem(b -> b.tableName(layout.table()).key(layout.key(key)).consistentRead(true));
        } catch (SdkException e) {
            throw failures.translate("GetItem", e);
        }
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mapping.fromItem(key, response.item()));
    }
}
