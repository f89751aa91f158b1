package io.dysession.internal.store;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.dysession.internal.config.TimingSettings;

/**
 * One session item as stored.
 *
 * @param key       the item's key (prefix + digest of the id; never the raw id)
 * @param created   creation time, epoch milliseconds
 * @param accessed  last access time, epoch milliseconds
 * @param expires   expiry, epoch seconds (the TTL attribute)
 * @param version   incremented on every write
 * @param timeout   this session's own idle timeout in seconds, or 0 for the configured one
 * @param beans     bean key to JSON text
 * @param beanVersions  bean key to the number of writes of that bean (strict concurrency checks these)
 * @param login     the login the session holds ({@code @DySessionLogin}), or null
 * @param lock      the lease lock on the item ({@code dysession.concurrency=serialized}), or null
 * @param unreadable  beans stored with a value that did not decrypt or decode: absent from {@code beans},
 *                    they start fresh, and their next save replaces the value
 */
public record StoredSession(SessionKey key, long created, long accessed, long expires, long version, long timeout,
                            Map<String, String> beans, Map<String, Long> beanVersions, SessionLogin login,
                            SessionLock lock, Set<String> unreadable) {

    public StoredSession {
        beans = Map.copyOf(beans);
        beanVersions = Map.copyOf(beanVersions);
        unreadable = Set.copyOf(unreadable);
    }

    /** The version of one bean; 0 when it is not stored. */
    public long beanVersion(String bean) {
        return beanVersions.getOrDefault(bean, 0L);
    }

    /** This session's own idle timeout, or {@code configured} when it has none. */
    public Duration idleTimeout(Duration configured) {
        return timeout > 0 ? Duration.ofSeconds(timeout) : configured;
    }

    /** Whether the session may still be served at {@code epochMillis}, by {@link TimingSettings#live}. */
    public boolean liveAt(long epochMillis, TimingSettings timing) {
        return timing.live(expires, created, epochMillis);
    }
}
