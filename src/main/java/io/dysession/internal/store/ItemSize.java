package io.dysession.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DynamoDB's 400 KB item limit, checked before a write so that an oversized state writes nothing.
 */
public final class ItemSize {

    static final int LIMIT = 400 * 1024;
    // Key, times, version, TTL and attribute names: generous, so that the check errs on the safe side.
    private static final int OVERHEAD = 1024;

    private ItemSize() {
    }

    /**
     * @param beans every bean the item will hold after the write, bean key to JSON
     * @throws IllegalStateException naming each bean and its size when the item would be too large
     */
    public static void check(Map<String, String> beans) {
        long total = OVERHEAD;
        for (Map.Entry<String, String> bean : beans.entrySet()) {
            total += bytes(bean.getKey()) + bytes(bean.getValue());
        }
        if (total > LIMIT) {
            String sizes = beans.entrySet().stream()
                    .map(bean -> bean.getKey() + " " + bytes(bean.getValue()) + " bytes")
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("dysession cannot save the session: its item would be about " + total
                    + " bytes, over DynamoDB's item limit of " + LIMIT + " bytes. Beans: " + sizes + ". Nothing was "
                    + "written; keep less state in @DySessionScoped beans.");
        }
    }

    private static long bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
