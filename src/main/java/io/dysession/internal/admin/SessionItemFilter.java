package io.dysession.internal.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import io.dysession.internal.store.TableLayout;

/**
 * The parts of a {@code Scan} that keep it to this application's session items, whatever else it
 * asks: the partition key ({@code #pk}) starts with the key prefix, and on a table with a sort key
 * the sort key ({@code #sk}) is the session value. Callers add their own condition, names, values
 * and projected attributes, then {@link #applyTo} the request.
 */
final class SessionItemFilter {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final StringBuilder filter;
    private final StringJoiner projection = new StringJoiner(", ").add("#pk");

    /** @param condition the caller's own condition, the first of the filter */
    SessionItemFilter(TableLayout layout, String keyPrefix, String condition) {
        filter = new StringBuilder(condition);
        names.put("#pk", layout.partitionKey());
        if (!keyPrefix.isEmpty()) {
            values.put(":prefix", AttributeValue.fromS(keyPrefix));
            filter.append(" AND begins_with(#pk, :prefix)");
        }
        layout.sortKey().ifPresent(sortKey -> {
            names.put("#sk", sortKey);
            values.put(":skv", AttributeValue.fromS(layout.sortKeyValue()));
            filter.append(" AND #sk = :skv");
            projection.add("#sk");
        });
    }

    SessionItemFilter name(String placeholder, String attribute) {
        names.put(placeholder, attribute);
        return this;
    }

    SessionItemFilter value(String placeholder, AttributeValue value) {
        values.put(placeholder, value);
        return this;
    }

    /** Reads {@code attribute} too, under {@code placeholder}. */
    SessionItemFilter project(String placeholder, String attribute) {
        projection.add(placeholder);
        return name(placeholder, attribute);
    }

    ScanRequest.Builder applyTo(ScanRequest.Builder scan) {
        scan.filterExpression(filter.toString()).projectionExpression(projection.toString())
                .expressionAttributeNames(names);
        return values.isEmpty() ? scan : scan.expressionAttributeValues(values);
    }
}
