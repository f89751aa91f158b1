package io.dysession.internal.store;

import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.dysession.internal.config.EncryptionSettings;
import io.dysession.internal.config.TableSettings;
import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.statistics.Counters;

/**
 * Finds sessions by id: the read side of the store, on its own for tools that only read (the
 * command-line tool's {@code inspect}: strongly consistent, no cache, expired items included).
 */
public final class StoredSessions {

    private final SessionKeys keys;
    private final ItemMapping mapping;
    private final SessionItems items;
    private final SessionCache cache;

    StoredSessions(SessionKeys keys, ItemMapping mapping, SessionItems items, SessionCache cache) {
        this.keys = keys;
        this.mapping = mapping;
        this.items = items;
        this.cache = cache;
    }

    /** Sessions of the table {@code table} describes, read through {@code calls}, decrypted as {@code encryption} says. */
    public static StoredSessions forTools(CallPath calls, TableSettings table, EncryptionSettings encryption) {
        SessionKeys keys = new SessionKeys(table.keyPrefix());
        TableLayout layout = TableLayout.of(table);
        ItemMapping mapping = new ItemMapping(layout, new BeanEncoding(table.compressionThreshold()), keys,
                new StateSeal(encryption, layout.table(), new Counters()));
        return new StoredSessions(keys, mapping,
                new SessionItems(calls, layout, true, mapping, SessionCache.NONE, new Counters()), SessionCache.NONE);
    }

    /**
     * The session with this id; empty when there is no such item. Expiry is the caller's to judge.
     * Without a cache: one {@code GetItem}. With one: nothing while the cached copy is fresh enough,
     * else a {@code GetItem} of the version only, and the whole item when the version moved.
     */
    public Optional<StoredSession> find(String id) {
        return find(keys.ofId(id));
    }

    private Optional<StoredSession> find(SessionKey key) {
        StoredSession fresh = cache.fresh(key.value());
        if (fresh != null) {
            return Optional.of(fresh);
        }
        StoredSession cached = cache.any(key.value());
        if (cached != null) {
            Optional<Map<String, AttributeValue>> current = items.get(key, true);
            if (current.isEmpty()) {
                cache.remove(key.value());
                return Optional.empty();
            }
            if (items.readable(key, current.get(), () -> ItemMapping.versionOf(current.get())).orElse(-1L)
                    == cached.version()) {
                cache.put(cached);
                return Optional.of(cached);
            }
        }
        Optional<StoredSession> loaded = items.get(key, false)
                .flatMap(item -> items.readable(key, item, () -> mapping.fromItem(key, item)));
        loaded.ifPresentOrElse(cache::put, () -> cache.remove(key.value()));
        return loaded;
    }
}
