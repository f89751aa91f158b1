package io.dysession.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's 400 KB item limit, checked before a write so that an oversized state writes nothing.
 */
final class ItemSize {

    static final int LIMIT = 400 * 1024;
    // Key, times, version, TTL and attribute names: generous, so that the check errs on the safe side.
    private static final int OVERHEAD = 1024;

    private ItemSize() {
    }

    static boolean fits(Map<String, AttributeValue> beans) {
        return total(beans) <= LIMIT;
    }

    private static long total(Map<String, AttributeValue> beans) {
        long total = OVERHEAD;
        for (Map.Entry<String, AttributeValue> bean : beans.entrySet()) {
            total += bean.getKey().getBytes(StandardCharsets.UTF_8).length + BeanEncoding.size(bean.getValue());
        }
        return total;
    }

    /**
     * @param beans every bean the item will hold after the write, bean key to stored value
     * @throws IllegalStateException naming each bean and its size when the item would be too large
     */
    static void check(Map<String, AttributeValue> beans) {
        long total = total(beans);
        if (total > LIMIT) {
            String sizes = beans.entrySet().stream()
                    .map(bean -> bean.getKey() + " " + BeanEncoding.size(bean.getValue()) + " bytes"
                            + (bean.getValue().b() != null ? " compressed" : ""))
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("dysession cannot save the session: its item would be about " + total
                    + " bytes, over DynamoDB's item limit of " + LIMIT + " bytes. Beans: " + sizes + ". Nothing was "
                    + "written; keep less state in @DySessionScoped beans.");
        }
    }
}
