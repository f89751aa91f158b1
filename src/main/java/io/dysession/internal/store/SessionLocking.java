package io.dysession.internal.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.CallTrace;

/**
 * The three DynamoDB calls of the lease lock ({@code dysession.concurrency=serialized}), each one
 * call: take it (which also loads the item), look at it (a read of the lock attributes only, far
 * cheaper than a refused write), and release it without writing anything else.
 */
final class SessionLocking {

    private final CallPath calls;
    private final TableLayout layout;
    private final ItemMapping mapping;
    private final SessionItems items;

    SessionLocking(CallPath calls, TableLayout layout, ItemMapping mapping, SessionItems items) {
        this.calls = calls;
        this.layout = layout;
        this.mapping = mapping;
        this.items = items;
    }

    /**
     * What taking the lock found.
     *
     * @param session  ACQUIRED: the item as it is now (null when it does not fit the layout)
     * @param until    BUSY: when the holder's lease ends, epoch ms
     */
    record Attempt(Kind kind, StoredSession session, long until) {

        static final Attempt ABSENT = new Attempt(Kind.ABSENT, null, 0);

        enum Kind { ACQUIRED, ABSENT, BUSY }
    }

    /**
     * One {@code UpdateItem} that sets owner and lease end unless another live lease holds the item
     * (the owner's own is taken again: a retried attempt whose answer was lost), returning the item.
     */
    Attempt acquire(SessionKey key, String owner, long now, long until) {
        try {
            UpdateItemResponse response = calls.call("UpdateItem", client -> client.updateItem(b -> b
                    .tableName(layout.table()).key(layout.key(key.value()))
                    .updateExpression("SET #lock = :owner, #lockUntil = :until")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#lock) OR #lockUntil < :now "
                            + "OR #lock = :owner)")
                    .expressionAttributeNames(Map.of("#pk", layout.partitionKey(), "#lock", SessionLock.OWNER,
                            "#lockUntil", SessionLock.UNTIL))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner),
                            ":until", ItemMapping.number(until), ":now", ItemMapping.number(now)))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                    done -> CallPath.one(done.consumedCapacity()));
            Map<String, AttributeValue> item = response.attributes();
            CallTrace.item(() -> ItemSize.of(item));
            return new Attempt(Attempt.Kind.ACQUIRED,
                    items.readable(key, item, () -> mapping.fromItem(key, item)).orElse(null), 0);
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                return Attempt.ABSENT;
            }
            SessionLock lock = ItemMapping.lockOf(e.item());
            return new Attempt(Attempt.Kind.BUSY, null, lock == null ? now : lock.until());
        }
    }

    /** The holder's lease end (0: no lock), or empty when the item is gone: one strongly consistent read. */
    Optional<Long> lockedUntil(SessionKey key) {
        GetItemResponse response = calls.call("GetItem", client -> client.getItem(b -> b.tableName(layout.table())
                .key(layout.key(key.value())).consistentRead(true)
                .projectionExpression("#pk, #lock, #lockUntil")
                .expressionAttributeNames(Map.of("#pk", layout.partitionKey(), "#lock", SessionLock.OWNER,
                        "#lockUntil", SessionLock.UNTIL))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                done -> CallPath.one(done.consumedCapacity()));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        SessionLock lock = ItemMapping.lockOf(response.item());
        return Optional.of(lock == null ? 0L : lock.until());
    }

    /**
     * One {@code DeleteItem} unless another request's lease is live: empty when the item is gone
     * (deleted now, or before), else the holder's lease end.
     */
    Optional<Long> deleteUnlessLocked(SessionKey key, long now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String free = WriteGuard.LockCondition.freeAt(now).apply(names, values);
        try {
            calls.call("DeleteItem", client -> client.deleteItem(b -> b.tableName(layout.table())
                    .key(layout.key(key.value()))
                    .conditionExpression(free)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                    done -> CallPath.one(done.consumedCapacity()));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            SessionLock lock = e.hasItem() ? ItemMapping.lockOf(e.item()) : null;
            return lock == null ? Optional.empty() : Optional.of(lock.until());
        }
    }

    /** Releases the owner's lock without writing anything else; nothing when it is no longer the owner's. */
    void release(SessionKey key, String owner) {
        try {
            calls.call("UpdateItem", client -> client.updateItem(b -> b.tableName(layout.table())
                    .key(layout.key(key.value()))
                    .updateExpression("REMOVE #lock, #lockUntil")
                    .conditionExpression("#lock = :owner")
                    .expressionAttributeNames(Map.of("#lock", SessionLock.OWNER, "#lockUntil", SessionLock.UNTIL))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
                    done -> CallPath.one(done.consumedCapacity()));
        } catch (ConditionalCheckFailedException e) {
            // its lease ran out and another request took it, or the session ended: nothing of ours to release
        }
    }
}
