package io.dysession.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.Pages;

/**
 * The logged-in sessions of a caller, through the sparse caller index: listed with one
 * {@code Query} (more only for very many sessions), and ended with one {@code DeleteItem} each.
 * Index reads are eventually consistent (DynamoDB has no other kind on a global index): a login
 * of the last moments may be missing from a listing.
 */
public final class CallerIndex {

    private final CallPath calls;
    private final TableLayout layout;
    private final SessionKeys keys;
    private final ItemMapping mapping;
    private final SessionCache cache;

    CallerIndex(CallPath calls, TableLayout layout, SessionKeys keys, ItemMapping mapping, SessionCache cache) {
        this.calls = calls;
        this.layout = layout;
        this.keys = keys;
        this.mapping = mapping;
        this.cache = cache;
    }

    /** Every session the index holds for this caller, expired ones included (the caller judges expiry). */
    public List<IndexedSession> sessionsOf(String caller) {
        List<IndexedSession> sessions = new ArrayList<>();
        Pages.read(from -> calls.call("Query", client -> client.query(b -> b.tableName(layout.table())
                        .indexName(layout.callerIndex())
                        .keyConditionExpression("#caller = :caller")
                        .expressionAttributeNames(Map.of("#caller", layout.callerAttribute()))
                        .expressionAttributeValues(Map.of(":caller", AttributeValue.fromS(keys.ofCaller(caller))))
                        .exclusiveStartKey(from)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                        response -> CallPath.one(response.consumedCapacity())),
                QueryResponse::lastEvaluatedKey,
                page -> page.items().forEach(item -> read(item)
                        .filter(session -> session.login().caller().equals(caller)).ifPresent(sessions::add)));
        return sessions;
    }

    /** The key of the session with this handle ({@code DySession.handle()}). */
    public SessionKey keyOfHandle(String handle) {
        return keys.ofHandle(handle);
    }

    /** Ends a session with one {@code DeleteItem}; true when it existed. */
    public boolean end(SessionKey key) {
        cache.remove(key.value());
        Map<String, AttributeValue> old = calls.call("DeleteItem", client -> client.deleteItem(b -> b
                .tableName(layout.table()).key(layout.key(key.value())).returnValues(ReturnValue.ALL_OLD)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                response -> CallPath.one(response.consumedCapacity())).attributes();
        return old != null && !old.isEmpty();
    }

    private Optional<IndexedSession> read(Map<String, AttributeValue> item) {
        AttributeValue key = item.get(layout.partitionKey());
        if (key == null || key.s() == null) {
            return Optional.empty();
        }
        SessionKey sessionKey = keys.ofValue(key.s());
        try {
            SessionLogin login = mapping.loginOf(sessionKey, item);
            if (login == null) {
                return Optional.empty();
            }
            return Optional.of(new IndexedSession(sessionKey,
                    ItemMapping.number(item, ItemMapping.CREATED, ItemMapping.CREATED, true),
                    ItemMapping.number(item, ItemMapping.ACCESSED, ItemMapping.ACCESSED, true),
                    ItemMapping.number(item, layout.ttlAttribute(), layout.ttlAttribute(), true), login));
        } catch (ItemLayoutException e) {
            return Optional.empty(); // not a session item of this layout: not listed, as on a read
        }
    }
}
