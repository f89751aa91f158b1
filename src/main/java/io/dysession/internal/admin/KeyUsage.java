package io.dysession.internal.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.store.ItemRekey;
import io.dysession.internal.store.TableLayout;

/**
 * How many session items and values use each encryption key id, and how many values are plain,
 * counted with a {@code Scan} of every session item (it reads the whole table). Reads the values'
 * headers only: it needs no key, and opens nothing.
 *
 * @param scanned  session items the scan read
 * @param keys     key id ({@link ItemRekey#PLAIN} for values that are not encrypted) to its use
 */
public record KeyUsage(long scanned, Map<String, Use> keys) {

    /**
     * @param items   items with at least one value under the key
     * @param values  values under the key
     */
    public record Use(long items, long values) {
    }

    public KeyUsage {
        keys = Map.copyOf(keys);
    }

    /** Counts with a Scan of the session items of the table {@code layout} describes. */
    public static KeyUsage count(CallPath calls, TableLayout layout, String keyPrefix) {
        long[] scanned = {0};
        Map<String, long[]> counts = new TreeMap<>();
        new SessionItemScan(calls, layout, keyPrefix, ItemRekey.READ, 0).read(0, 1, null, page -> page.items()
                .forEach(item -> {
                    scanned[0]++;
                    List<String> ids = ItemRekey.keyIdsOf(item);
                    Set<String> seen = new HashSet<>();
                    for (String id : ids) {
                        long[] use = counts.computeIfAbsent(id, key -> new long[2]);
                        use[1]++;
                        if (seen.add(id)) {
                            use[0]++;
                        }
                    }
                }));
        Map<String, Use> keys = new TreeMap<>();
        counts.forEach((id, use) -> keys.put(id, new Use(use[0], use[1])));
        return new KeyUsage(scanned[0], keys);
    }
}
