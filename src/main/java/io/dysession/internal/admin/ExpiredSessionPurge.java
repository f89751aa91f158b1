package io.dysession.internal.admin;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.CallPath.Limits;
import io.dysession.internal.dynamodb.Pages;
import io.dysession.internal.store.ItemMapping;
import io.dysession.internal.store.TableLayout;

/**
 * Deletes expired session items, for DynamoDB-compatible stores without TTL: a parallel {@code Scan} for session items whose expiry has passed, then one
 * {@code DeleteItem} each, conditioned on the expiry still having passed, so that a session
 * touched in the meantime survives. Other items of a single-table design are left alone.
 */
public final class ExpiredSessionPurge {

    /**
     * @param scanned items the scan read
     * @param expired expired session items it found
     * @param deleted of those, deleted
     * @param skipped of those, not deleted: touched or deleted by someone else in the meantime
     */
    public record Counts(long scanned, long expired, long deleted, long skipped) {
    }

    private final CallPath calls;
    private final TableLayout layout;
    private final String keyPrefix;

    /** @param keyPrefix the partition key prefix of session items (empty: every item with the TTL attribute) */
    public ExpiredSessionPurge(CallPath calls, TableLayout layout, String keyPrefix) {
        this.calls = calls;
        this.layout = layout;
        this.keyPrefix = keyPrefix;
    }

    /**
     * @param now       epoch seconds: an item whose expiry is at or before it is expired
     * @param segments  parallel scan segments, each scanned by its own thread
     * @param dryRun    count only, delete nothing
     * @param progress  given the counts so far after each scanned page and each delete, from the scanning threads
     */
    public Counts run(long now, int segments, boolean dryRun, Consumer<Counts> progress) {
        Tally tally = new Tally();
        Segments.run(segments, "purge", segment -> purgeSegment(segment, segments, now, dryRun, tally, progress));
        return tally.counts();
    }

    private void purgeSegment(int segment, int segments, long now, boolean dryRun, Tally tally,
                              Consumer<Counts> progress) {
        Pages.read(start -> scan(segment, segments, now, start), ScanResponse::lastEvaluatedKey, page -> {
            tally.scanned.add(page.scannedCount() != null ? page.scannedCount() : page.items().size());
            tally.expired.add(page.items().size());
            progress.accept(tally.counts());
            if (!dryRun) {
                for (Map<String, AttributeValue> item : page.items()) {
                    (delete(item, now) ? tally.deleted : tally.skipped).increment();
                    progress.accept(tally.counts());
                }
            }
        });
    }

    private ScanResponse scan(int segment, int segments, long now, Map<String, AttributeValue> startKey) {
        ScanRequest.Builder scan = new SessionItemFilter(layout, keyPrefix, "#ttl <= :now")
                .name("#ttl", layout.ttlAttribute()).value(":now", ItemMapping.number(now))
                .applyTo(ScanRequest.builder().tableName(layout.table()).segment(segment).totalSegments(segments));
        if (startKey != null) {
            scan.exclusiveStartKey(startKey);
        }
        return calls.administer("Scan", Limits.ADMINISTRATION,
                (client, limits) -> client.scan(scan.overrideConfiguration(limits).build()));
    }

    // False when the item was touched (its expiry moved) or deleted since the scan read it.
    private boolean delete(Map<String, AttributeValue> key, long now) {
        return calls.administer("DeleteItem", Limits.ADMINISTRATION, (client, limits) -> {
            try {
                client.deleteItem(b -> b.tableName(layout.table()).key(key).overrideConfiguration(limits)
                        .conditionExpression("#ttl <= :now")
                        .expressionAttributeNames(Map.of("#ttl", layout.ttlAttribute()))
                        .expressionAttributeValues(Map.of(":now", ItemMapping.number(now))));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
    }

    private static final class Tally {
        final LongAdder scanned = new LongAdder();
        final LongAdder expired = new LongAdder();
        final LongAdder deleted = new LongAdder();
        final LongAdder skipped = new LongAdder();

        Counts counts() {
            return new Counts(scanned.sum(), expired.sum(), deleted.sum(), skipped.sum());
        }
    }
}
