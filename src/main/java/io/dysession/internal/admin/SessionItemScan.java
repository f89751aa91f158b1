package io.dysession.internal.admin;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.CallPath.Limits;
import io.dysession.internal.dynamodb.Pages;
import io.dysession.internal.store.TableLayout;

/**
 * A paginated {@code Scan} of one segment of the table for session items, as {@code purge} selects
 * them: partition key with the key prefix, the session sort key value (tables with a sort key),
 * and a {@code ver} attribute; other items of a single-table design are filtered out.
 */
final class SessionItemScan {

    static final String VERSION = "ver";

    private final CallPath calls;
    private final TableLayout layout;
    private final String keyPrefix;
    private final List<String> attributes;
    private final int pageSize;

    /**
     * @param attributes what to read of each item, besides its key
     * @param pageSize   the most items a page evaluates (the Scan's {@code Limit}); 0 for DynamoDB's 1 MB pages
     */
    SessionItemScan(CallPath calls, TableLayout layout, String keyPrefix, List<String> attributes, int pageSize) {
        this.calls = calls;
        this.layout = layout;
        this.keyPrefix = keyPrefix;
        this.attributes = attributes;
        this.pageSize = pageSize;
    }

    /** Reads every page of the segment, from after {@code start} (null: the beginning), each given to {@code reader}. */
    void read(int segment, int segments, Map<String, AttributeValue> start, Consumer<ScanResponse> reader) {
        Pages.read(from -> page(segment, segments, from == null ? start : from), ScanResponse::lastEvaluatedKey,
                reader);
    }

    private ScanResponse page(int segment, int segments, Map<String, AttributeValue> startKey) {
        SessionItemFilter filter = new SessionItemFilter(layout, keyPrefix, "attribute_exists(#ver)")
                .name("#ver", VERSION);
        for (int i = 0; i < attributes.size(); i++) {
            filter.project("#a" + i, attributes.get(i));
        }
        ScanRequest.Builder scan = filter.applyTo(ScanRequest.builder().tableName(layout.table()));
        if (segments > 1) {
            scan.segment(segment).totalSegments(segments);
        }
        if (pageSize > 0) {
            scan.limit(pageSize);
        }
        if (startKey != null) {
            scan.exclusiveStartKey(startKey);
        }
        return calls.administer("Scan", Limits.ADMINISTRATION,
                (client, limits) -> client.scan(scan.overrideConfiguration(limits).build()));
    }
}
