package io.dysession.internal.store;

import java.time.Clock;
import java.util.Optional;

import io.dysession.internal.config.ConcurrencyMode;
import io.dysession.internal.config.Settings;
import io.dysession.internal.config.TableSettings;
import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.statistics.Counters;

/**
 * The session store, asked by session id: finds sessions (through the per-server cache when it is
 * on), saves what a request did by the write rules of {@link SessionWriter}, and deletes. Ids are
 * hashed here, by {@link SessionKeys}; they are never stored.
 */
public final class SessionStore {

    private final TableLayout layout;
    private final SessionKeys keys;
    private final StoredSessions sessions;
    private final SessionItems items;
    private final SessionWriter writer;
    private final SessionLocks locks;
    private final boolean serialized;
    private final CallerIndex callerIndex;

    private SessionStore(TableLayout layout, SessionKeys keys, StoredSessions sessions, SessionItems items,
                         SessionWriter writer, SessionLocks locks, boolean serialized, CallerIndex callerIndex) {
        this.layout = layout;
        this.keys = keys;
        this.sessions = sessions;
        this.items = items;
        this.writer = writer;
        this.locks = locks;
        this.serialized = serialized;
        this.callerIndex = callerIndex;
    }

    /** The store the settings describe, calling DynamoDB through {@code calls}. */
    public static SessionStore open(CallPath calls, Settings settings, Counters counters, Clock clock) {
        TableSettings table = settings.table();
        TableLayout layout = TableLayout.of(table);
        SessionKeys keys = new SessionKeys(table.keyPrefix());
        ItemMapping mapping = new ItemMapping(layout, new BeanEncoding(table.compressionThreshold()), keys,
                new StateSeal(settings.encryption(), layout.table(), counters));
        SessionCache cache = settings.cache().enabled()
                ? new SessionCache(settings.cache().maxEntries(), settings.cache().maxStaleness(), clock)
                : SessionCache.NONE;
        SessionItems items = new SessionItems(calls, layout, settings.client().consistentRead(), mapping, cache,
                counters);
        SessionLocking locking = new SessionLocking(calls, layout, mapping, items);
        SessionWriter writer = new SessionWriter(items, new SessionRotation(calls, layout, mapping, items), locking,
                keys, settings.timing(), settings.concurrency(), counters, clock);
        return new SessionStore(layout, keys, new StoredSessions(keys, mapping, items, cache), items, writer,
                new SessionLocks(locking, settings.concurrency(), clock),
                settings.concurrency().mode() == ConcurrencyMode.SERIALIZED, new CallerIndex(calls, layout, keys, mapping, cache));
    }

    /** Names and key values of the table. */
    public TableLayout layout() {
        return layout;
    }

    /** The key a session with this id has, or will have once saved. */
    public SessionKey keyOf(String id) {
        return keys.ofId(id);
    }

    /** The logged-in sessions by caller. */
    public CallerIndex callerIndex() {
        return callerIndex;
    }

    /** The session with this id; empty when there is no such item. Expiry is the caller's to judge. */
    public Optional<StoredSession> find(String id) {
        return sessions.find(id);
    }

    /**
     * Serialized mode: takes the session's lease lock for {@code owner}, waiting for another holder
     * up to the lock wait, and returns the session with one {@code UpdateItem} (the lock call is the
     * load); empty when there is no such item.
     */
    public Optional<StoredSession> lock(String id, String owner) {
        return locks.acquire(keys.ofId(id), owner);
    }

    /** Releases {@code owner}'s lock on the session, if it still holds it (a request that ended without saving). */
    public void unlock(SessionKey key, String owner) {
        locks.release(key, owner);
    }

    /**
     * Writes what a request did to the session it loaded ({@code loaded}, null for a new one): a new
     * session with {@code PutItem}, an existing one with one {@code UpdateItem} of the changed beans
     * (retried on top of what other requests wrote meanwhile), a touch when only the expiry is due,
     * a rotation with one transaction; else nothing. {@code check} says whether merged JSON still
     * fits its bean's class.
     */
    public SaveResult save(StoredSession loaded, SessionDelta delta, StateCheck check) {
        return writer.save(loaded, delta, check);
    }

    /**
     * One {@code DeleteItem}; deleting a missing item is not an error. In serialized mode a request
     * that does not hold the session's lock waits for the holder first, as for any write.
     */
    public void delete(SessionKey key, boolean holdsLock) {
        if (serialized && !holdsLock) {
            locks.deleteWhenUnlocked(key);
        } else {
            items.delete(key);
        }
    }
}
