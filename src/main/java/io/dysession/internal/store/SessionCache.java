package io.dysession.internal.store;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This server's copy of recently loaded or written sessions, least recently used first out.
 * An entry is served without asking DynamoDB while it was validated within the maximum
 * staleness; after that only when a version check shows nobody wrote since.
 */
public final class SessionCache {

    /** No cache: nothing is kept, every lookup misses. */
    static final SessionCache NONE = new SessionCache(0, Duration.ZERO, Clock.systemUTC());

    private final int maxEntries;
    private final long maxStalenessMillis;
    private final Clock clock;
    private final Map<String, Entry> entries;

    public SessionCache(int maxEntries, Duration maxStaleness, Clock clock) {
        this.maxEntries = maxEntries;
        this.maxStalenessMillis = maxStaleness.toMillis();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > SessionCache.this.maxEntries;
            }
        };
    }

    private record Entry(StoredSession session, long validatedAt) {
    }

    /** The cached session, if it may be served without asking DynamoDB (never with a maximum staleness of zero). */
    synchronized StoredSession fresh(String key) {
        Entry entry = entries.get(key);
        // "<", not "<=": with PT0S an entry validated in this very millisecond must still be checked
        return entry != null && clock.millis() - entry.validatedAt() < maxStalenessMillis ? entry.session() : null;
    }

    /** The cached session, however old; to be revalidated by version. */
    synchronized StoredSession any(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.session();
    }

    boolean enabled() {
        return maxEntries > 0;
    }

    synchronized void put(StoredSession session) {
        if (!enabled()) {
            return;
        }
        entries.put(session.key().value(), new Entry(session, clock.millis()));
    }

    synchronized void remove(String key) {
        entries.remove(key);
    }
}
