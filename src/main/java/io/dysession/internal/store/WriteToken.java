package io.dysession.internal.store;

import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A random mark that one save writes into the item with its changes. When the SDK retries a write
 * whose first attempt was applied but whose answer was lost (a timeout), the retry's condition is
 * refused by that very write: the item DynamoDB returns with the refusal then carries this token,
 * and the write counts as done, not as someone else's.
 *
 * @param value  a random UUID; also the {@code ClientRequestToken} of a rotation's transaction
 */
record WriteToken(String value) {

    /** The item attribute (S) that holds the token of the last write. */
    static final String ATTRIBUTE = "wt";

    static WriteToken next() {
        return new WriteToken(UUID.randomUUID().toString());
    }

    AttributeValue attribute() {
        return AttributeValue.fromS(value);
    }

    /** Whether {@code item} (as returned with a refused condition) is this save's own write. */
    boolean marks(Map<String, AttributeValue> item) {
        AttributeValue stored = item == null ? null : item.get(ATTRIBUTE);
        return stored != null && value.equals(stored.s());
    }
}
