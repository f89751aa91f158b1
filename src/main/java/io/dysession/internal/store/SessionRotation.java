package io.dysession.internal.store;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import io.dysession.internal.dynamodb.CallPath;

/**
 * A session moved to a new key ({@code rotateId()}, a login): one {@code TransactWriteItems} that
 * puts the renamed item and deletes the old one, each conditional, recognizing its own write when
 * a retry meets it.
 */
final class SessionRotation {

    private final CallPath calls;
    private final TableLayout layout;
    private final ItemMapping mapping;
    private final SessionItems items;

    SessionRotation(CallPath calls, TableLayout layout, ItemMapping mapping, SessionItems items) {
        this.calls = calls;
        this.layout = layout;
        this.mapping = mapping;
        this.items = items;
    }

    /**
     * Moves a session to a new key in one {@code TransactWriteItems}: put the new item (which must
     * not exist) and delete the old one (which must still exist). Returns false when the old one is
     * gone. The token is the transaction's {@code ClientRequestToken} (DynamoDB answers a retry of
     * an applied transaction with success); a store that does not honour it refuses the retry, and
     * the new item's token tells this rotation's own write from another's.
     */
    SaveResult rotate(SessionKey oldKey, StoredSession renamed, WriteGuard.LockCondition lock, WriteToken token) {
        Map<String, AttributeValue> item = new HashMap<>(mapping.toItem(renamed));
        item.put(WriteToken.ATTRIBUTE, token.attribute());
        Map<String, String> names = Map.of("#pk", layout.partitionKey());
        Map<String, String> deleteNames = new HashMap<>(names);
        Map<String, AttributeValue> deleteValues = new HashMap<>();
        String lockClause = lock.apply(deleteNames, deleteValues);
        String deleteCondition = "attribute_exists(#pk)" + (lockClause == null ? "" : " AND " + lockClause);
        try {
            calls.call("TransactWriteItems", client -> client.transactWriteItems(b -> b
                    .clientRequestToken(token.value())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                    put -> put.put(p -> p.tableName(layout.table()).item(item)
                            .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(names)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                    delete -> delete.delete(d -> d.tableName(layout.table()).key(layout.key(oldKey.value()))
                            .conditionExpression(deleteCondition).expressionAttributeNames(deleteNames)
                            .expressionAttributeValues(deleteValues.isEmpty() ? null : deleteValues)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))),
                    response -> response.consumedCapacity());
        } catch (TransactionCanceledException e) {
            if (!ownRotation(e, renamed.key(), token)) {
                // The old item still there: its lock refused the rotation; else it is gone.
                Map<String, AttributeValue> old = e.hasCancellationReasons() && e.cancellationReasons().size() > 1
                        && e.cancellationReasons().get(1).hasItem() ? e.cancellationReasons().get(1).item() : Map.of();
                return old.isEmpty() ? SaveResult.ENDED
                        : items.readable(oldKey, old, () -> mapping.fromItem(oldKey, old))
                                .map(current -> new SaveResult(SaveResult.Kind.STALE, current)).orElse(SaveResult.ENDED);
            }
        }
        items.rotated(oldKey, renamed, item);
        return new SaveResult(SaveResult.Kind.ROTATED, renamed);
    }

    // Whether a refused rotation is this save's own, applied by an attempt whose answer was lost.
    private boolean ownRotation(TransactionCanceledException e, SessionKey newKey, WriteToken token) {
        if (e.hasCancellationReasons() && !e.cancellationReasons().isEmpty()
                && e.cancellationReasons().get(0).hasItem() && !e.cancellationReasons().get(0).item().isEmpty()) {
            return token.marks(e.cancellationReasons().get(0).item());
        }
        return items.get(newKey, false).map(token::marks).orElse(false);
    }

}
