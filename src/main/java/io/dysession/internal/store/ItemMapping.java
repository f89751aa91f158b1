package io.dysession.internal.store;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link StoredSession} to and from a DynamoDB item.
 */
final class ItemMapping {

    private ItemMapping() {
    }

    static Map<String, AttributeValue> toItem(StoredSession session, TableLayout layout) {
        Map<String, AttributeValue> item = new HashMap<>(layout.key(session.key()));
        item.put(TableLayout.CREATED, number(session.created()));
        item.put(TableLayout.ACCESSED, number(session.accessed()));
        item.put(layout.ttlAttribute(), number(session.expires()));
        item.put(TableLayout.VERSION, number(session.version()));
        Map<String, AttributeValue> beans = new HashMap<>();
        session.beans().forEach((bean, json) -> beans.put(bean, AttributeValue.fromS(json)));
        item.put(TableLayout.BEANS, AttributeValue.fromM(beans));
        return item;
    }

    static StoredSession fromItem(String key, Map<String, AttributeValue> item, TableLayout layout) {
        Map<String, String> beans = new HashMap<>();
        AttributeValue stored = item.get(TableLayout.BEANS);
        if (stored != null && stored.hasM()) {
            stored.m().forEach((bean, json) -> {
                if (json.s() != null) {
                    beans.put(bean, json.s());
                }
            });
        }
        return new StoredSession(key, number(item, TableLayout.CREATED), number(item, TableLayout.ACCESSED),
                number(item, layout.ttlAttribute()), number(item, TableLayout.VERSION), beans);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    // A missing or malformed number reads as 0, which makes an expiry count as passed.
    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
