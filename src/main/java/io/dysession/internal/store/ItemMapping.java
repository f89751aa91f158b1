package io.dysession.internal.store;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link StoredSession} to and from a DynamoDB item.
 */
final class ItemMapping {

    static final String CREATED = "created";
    static final String ACCESSED = "accessed";
    static final String VERSION = "ver";
    static final String TIMEOUT = "timeout";
    static final String BEANS = "beans";
    static final String BEAN_VERSIONS = "bver";

    private final TableLayout layout;
    private final BeanEncoding encoding;

    ItemMapping(TableLayout layout, BeanEncoding encoding) {
        this.layout = layout;
        this.encoding = encoding;
    }

    /** The whole item, its beans encoded; checked against the item size limit. */
    Map<String, AttributeValue> toItem(StoredSession session) {
        Map<String, AttributeValue> item = new HashMap<>(layout.key(session.key()));
        item.put(CREATED, number(session.created()));
        item.put(ACCESSED, number(session.accessed()));
        item.put(layout.ttlAttribute(), number(session.expires()));
        item.put(VERSION, number(session.version()));
        if (session.timeout() > 0) {
            item.put(TIMEOUT, number(session.timeout()));
        }
        Map<String, AttributeValue> beans = encode(session.beans());
        ItemSize.check(beans);
        item.put(BEANS, AttributeValue.fromM(beans));
        Map<String, AttributeValue> versions = new HashMap<>();
        session.beanVersions().forEach((bean, version) -> versions.put(bean, number(version)));
        item.put(BEAN_VERSIONS, AttributeValue.fromM(versions));
        return item;
    }

    Map<String, AttributeValue> encode(Map<String, String> beans) {
        Map<String, AttributeValue> encoded = new HashMap<>();
        beans.forEach((bean, json) -> encoded.put(bean, encoding.encode(json)));
        return encoded;
    }

    StoredSession fromItem(String key, Map<String, AttributeValue> item) {
        Map<String, String> beans = new HashMap<>();
        AttributeValue stored = item.get(BEANS);
        if (stored != null && stored.hasM()) {
            stored.m().forEach((bean, value) -> {
                String json = BeanEncoding.decode(value);
                if (json != null) {
                    beans.put(bean, json);
                }
            });
        }
        Map<String, Long> versions = new HashMap<>();
        AttributeValue storedVersions = item.get(BEAN_VERSIONS);
        if (storedVersions != null && storedVersions.hasM()) {
            storedVersions.m().forEach((bean, version) -> versions.put(bean, number(storedVersions.m(), bean)));
        }
        return new StoredSession(key, number(item, CREATED), number(item, ACCESSED),
                number(item, layout.ttlAttribute()), number(item, VERSION), number(item, TIMEOUT), beans, versions);
    }

    static long beanBytes(Map<String, AttributeValue> item) {
        AttributeValue beans = item.get(ItemMapping.BEANS);
        return beans == null ? 0 : beans.m().values().stream().mapToLong(BeanEncoding::size).sum();
    }

    // Unchanged beans count at their uncompressed size, an upper bound; compressed only when that is not enough.
    void checkSize(Map<String, AttributeValue> changed, Map<String, String> all) {
        Map<String, AttributeValue> bound = new HashMap<>();
        all.forEach((bean, json) -> bound.put(bean, changed.getOrDefault(bean, AttributeValue.fromS(json))));
        if (!ItemSize.fits(bound)) {
            ItemSize.check(encode(all));
        }
    }

    static AttributeValue number(long value) {
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
