package io.dysession.internal.store;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.dysession.internal.config.ClientSettings;
import io.dysession.internal.config.ConcurrencyMode;
import io.dysession.internal.config.Settings;
import io.dysession.internal.config.TableSettings;

/**
 * The session store: finds sessions (through the per-server cache when it is on), saves what a
 * request did by the write rules of {@link SessionWriter}, and deletes; the DynamoDB operations
 * themselves are {@link SessionItems}'.
 */
public final class SessionStore {

    private final TableLayout layout;
    private final SessionKeys keys;
    private final ItemMapping mapping;
    private final SessionCache cache;
    private final StoreStatistics statistics;
    private final SessionItems items;
    private final SessionWriter writer;
    private final CallerIndex callerIndex;

    private SessionStore(DynamoDbClient client, StoreLocation location, TableSettings table, boolean consistentRead,
                         SessionCache cache, StoreStatistics statistics, FailFast failFast, SessionWriter writer) {
        this.layout = TableLayout.of(table);
        this.keys = new SessionKeys(table.keyPrefix());
        this.mapping = new ItemMapping(layout, new BeanEncoding(table.compressionThreshold()),
                new CallerDigests(table.keyPrefix()));
        this.cache = cache;
        this.statistics = statistics;
        StoreCalls calls = new StoreCalls(client, location, statistics, failFast);
        this.items = new SessionItems(calls, layout, keys, consistentRead, mapping, cache, statistics);
        this.writer = writer;
        this.callerIndex = new CallerIndex(calls, layout, new CallerDigests(table.keyPrefix()), cache);
    }

    /** The store the settings describe, reading and writing through {@code client}. */
    public static SessionStore open(DynamoDbClient client, StoreLocation location, Settings settings,
                                    StoreStatistics statistics, Clock clock) {
        SessionCache cache = settings.cache().enabled()
                ? new SessionCache(settings.cache().maxEntries(), settings.cache().maxStaleness(), clock)
                : SessionCache.NONE;
        ClientSettings.Limits limits = settings.client().limits();
        FailFast failFast = new FailFast(limits.failFastAfter(), limits.failFastFor(), location, statistics, clock);
        return new SessionStore(client, location, settings.table(), settings.client().consistentRead(), cache,
                statistics, failFast,
                new SessionWriter(settings.timing(), settings.concurrency() == ConcurrencyMode.STRICT, clock));
    }

    /** A store for support tools that only read: strongly consistent, no cache, expired items included. */
    public static SessionStore reader(DynamoDbClient client, TableSettings table, StoreLocation location) {
        StoreStatistics statistics = new StoreStatistics();
        return new SessionStore(client, location, table, true, SessionCache.NONE, statistics,
                FailFast.off(location, statistics), null);
    }

    /** Names and key values of the table. */
    public TableLayout layout() {
        return layout;
    }

    /** How session ids become item keys, public digests and log references. */
    public SessionKeys keys() {
        return keys;
    }

    /** The logged-in sessions by caller. */
    public CallerIndex callerIndex() {
        return callerIndex;
    }

    /** The counters of this store's DynamoDB calls. */
    public StoreStatistics statistics() {
        return statistics;
    }

    /**
     * The session with this key; empty when there is no such item. Expiry is the caller's to judge.
     * Without a cache: one {@code GetItem}. With one: nothing while the cached copy is fresh enough,
     * else a {@code GetItem} of the version only, and the whole item when the version moved.
     */
    public Optional<StoredSession> find(String key) {
        StoredSession fresh = cache.fresh(key);
        if (fresh != null) {
            return Optional.of(fresh);
        }
        StoredSession cached = cache.any(key);
        if (cached != null) {
            Optional<Map<String, AttributeValue>> current = items.get(key, true);
            if (current.isEmpty()) {
                cache.remove(key);
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
        loaded.ifPresentOrElse(cache::put, () -> cache.remove(key));
        return loaded;
    }

    /**
     * Writes what a request did to the session it loaded ({@code loaded}, null for a new one): a new
     * session with {@code PutItem}, an existing one with one {@code UpdateItem} of the changed beans
     * (retried on top of what other requests wrote meanwhile), a touch when only the expiry is due,
     * a rotation with one transaction; else nothing.
     */
    public SaveResult save(StoredSession loaded, SessionDelta delta) {
        if (writer == null) {
            throw new IllegalStateException("This session store only reads.");
        }
        return writer.save(items, loaded, delta);
    }

    /** One {@code DeleteItem}; deleting a missing item is not an error. */
    public void delete(String key) {
        items.delete(key);
    }
}
