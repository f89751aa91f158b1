package io.dysession.internal.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import io.dysession.internal.crypto.SealedValues;
import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.CallPath.Limits;
import io.dysession.internal.store.ItemRekey;
import io.dysession.internal.store.TableLayout;

/**
 * Puts every session item's values under the active encryption key (key rotation): a paginated
 * {@code Scan} for session items, then for each item that needs it one {@code UpdateItem} that
 * re-seals its bean values and login ({@link ItemRekey}), conditioned on the item's version being
 * the one the scan read. An item changed or deleted meanwhile is skipped and counted: the change
 * wrote its values under the active key anyway, and a second run picks up whatever is left.
 * Items already current cost no write, so a run can be repeated or resumed at will.
 */
public final class SessionRekey {

    /**
     * @param scanned        session items the scan read
     * @param rekeyed        items written: some value re-sealed under the active key (or, in a dry run, to be)
     * @param current        items that needed no write: every value already under the active key, or undecryptable
     * @param skipped        items not written: changed or deleted since the scan read them
     * @param undecryptable  values that did not open (unknown key id, failed tag), left as they are
     * @param resumeAfter    a token for {@link #run}'s {@code resumeAfter}: every item before it is done; null
     *                       before the first page is done, at the end, and with more than one segment
     */
    public record Counts(long scanned, long rekeyed, long current, long skipped, long undecryptable,
                         String resumeAfter) {
    }

    private final CallPath calls;
    private final TableLayout layout;
    private final SessionItemScan scan;
    private final ItemRekey rekey;

    /**
     * @param keyPrefix the partition key prefix of session items (empty: every item with a version)
     * @param sealed    the keys: values are sealed under the active one, opened with any
     * @param pageSize  the most items a Scan page evaluates (its {@code Limit}); 0 for DynamoDB's 1 MB pages
     */
    public SessionRekey(CallPath calls, TableLayout layout, String keyPrefix, SealedValues sealed, int pageSize) {
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize must be 0 or more, not " + pageSize);
        }
        this.calls = calls;
        this.layout = layout;
        this.scan = new SessionItemScan(calls, layout, keyPrefix, ItemRekey.READ, pageSize);
        this.rekey = new ItemRekey(layout.table(), sealed);
    }

    /**
     * @param segments     parallel scan segments, each scanned by its own thread
     * @param resumeAfter  a token from an earlier run's {@link Counts#resumeAfter}, or null to start at the beginning
     *                     (one segment only)
     * @param dryRun       count only, write nothing
     * @param progress     given the counts so far after each scanned page and each write, from the scanning threads
     * @throws IllegalArgumentException for a token this table cannot have given, or one with more than one segment
     */
    public Counts run(int segments, String resumeAfter, boolean dryRun, Consumer<Counts> progress) {
        if (resumeAfter != null && segments > 1) {
            throw new IllegalArgumentException("a resume token belongs to a scan of one segment");
        }
        Map<String, AttributeValue> start = resumeAfter == null ? null : startKey(resumeAfter);
        Tally tally = new Tally(segments == 1);
        Segments.run(segments, "rekey", segment -> rekeySegment(segment, segments, start, dryRun, tally, progress));
        tally.resumeAfter.set(null);
        return tally.counts();
    }

    private void rekeySegment(int segment, int segments, Map<String, AttributeValue> start, boolean dryRun,
                              Tally tally, Consumer<Counts> progress) {
        scan.read(segment, segments, start, page -> {
            tally.scanned.add(page.items().size());
            progress.accept(tally.counts());
            for (Map<String, AttributeValue> item : page.items()) {
                String partitionKey = item.get(layout.partitionKey()).s();
                ItemRekey.Plan plan = rekey.plan(partitionKey, item);
                tally.undecryptable.add(plan.undecryptable().size());
                if (!plan.writes()) {
                    tally.current.increment();
                } else {
                    (dryRun || update(item, plan) ? tally.rekeyed : tally.skipped).increment();
                    progress.accept(tally.counts());
                }
            }
            if (tally.resumable) {
                tally.resumeAfter.set(token(page));
            }
            progress.accept(tally.counts());
        });
    }

    // False when the item changed (its version moved) or was deleted since the scan read it.
    private boolean update(Map<String, AttributeValue> item, ItemRekey.Plan plan) {
        Map<String, AttributeValue> key = new HashMap<>(2);
        key.put(layout.partitionKey(), item.get(layout.partitionKey()));
        layout.sortKey().ifPresent(name -> key.put(name, item.get(name)));
        return calls.administer("UpdateItem", Limits.ADMINISTRATION, (client, limits) -> {
            try {
                client.updateItem(b -> b.tableName(layout.table()).key(key).overrideConfiguration(limits)
                        .updateExpression(plan.update()).conditionExpression(plan.condition())
                        .expressionAttributeNames(plan.names()).expressionAttributeValues(plan.values()));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
    }

    /**
     * The resume token of a page: its {@code LastEvaluatedKey}, base64url of the partition key value,
     * then '.' and base64url of the sort key value on tables with a sort key; null after the last page.
     */
    private String token(ScanResponse page) {
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        if (last == null || last.isEmpty()) {
            return null;
        }
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String token = base64.encodeToString(last.get(layout.partitionKey()).s().getBytes(StandardCharsets.UTF_8));
        if (layout.sortKey().isPresent()) {
            token += "." + base64.encodeToString(last.get(layout.sortKey().get()).s()
                    .getBytes(StandardCharsets.UTF_8));
        }
        return token;
    }

    /** @throws IllegalArgumentException saying why, for a token this table cannot have given */
    public void checkResumeToken(String token) {
        startKey(token);
    }

    private Map<String, AttributeValue> startKey(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != (layout.sortKey().isPresent() ? 2 : 1)) {
            throw new IllegalArgumentException("it is not a token rekey printed for this table"
                    + (layout.sortKey().isPresent() ? " (with a sort key)" : " (without a sort key)"));
        }
        Map<String, AttributeValue> key = new HashMap<>(2);
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            key.put(layout.partitionKey(), AttributeValue.fromS(new String(base64.decode(parts[0]),
                    StandardCharsets.UTF_8)));
            layout.sortKey().ifPresent(name -> key.put(name, AttributeValue.fromS(new String(base64.decode(parts[1]),
                    StandardCharsets.UTF_8))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("it is not a token rekey printed: not base64url");
        }
        if (key.values().stream().anyMatch(value -> value.s().isEmpty())) {
            throw new IllegalArgumentException("it is not a token rekey printed: an empty key");
        }
        return key;
    }

    private static final class Tally {
        final boolean resumable;
        final LongAdder scanned = new LongAdder();
        final LongAdder rekeyed = new LongAdder();
        final LongAdder current = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final LongAdder undecryptable = new LongAdder();
        final AtomicReference<String> resumeAfter = new AtomicReference<>();

        Tally(boolean resumable) {
            this.resumable = resumable;
        }

        Counts counts() {
            return new Counts(scanned.sum(), rekeyed.sum(), current.sum(), skipped.sum(), undecryptable.sum(),
                    resumeAfter.get());
        }
    }
}
