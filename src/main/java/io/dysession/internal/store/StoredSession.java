package io.dysession.internal.store;

import java.time.Duration;
import java.util.Map;

/**
 * One session item as stored.
 *
 * @param key       partition key value (prefix + digest of the id; never the raw id)
 * @param created   creation time, epoch milliseconds
 * @param accessed  last access time, epoch milliseconds
 * @param expires   expiry, epoch seconds (the TTL attribute)
 * @param version   incremented on every write
 * @param timeout   this session's own idle timeout in seconds, or 0 for the configured one
 * @param beans     bean key to JSON text
 * @param beanVersions  bean key to the number of writes of that bean (strict concurrency checks these)
 * @param login     the login the session holds ({@code @DySessionLogin}), or null
 */
public record StoredSession(String key, long created, long accessed, long expires, long version, long timeout,
                            Map<String, String> beans, Map<String, Long> beanVersions, SessionLogin login) {

    public StoredSession {
        beans = Map.copyOf(beans);
        beanVersions = Map.copyOf(beanVersions);
    }

    /** A session without a login. */
    public StoredSession(String key, long created, long accessed, long expires, long version, long timeout,
                         Map<String, String> beans, Map<String, Long> beanVersions) {
        this(key, created, accessed, expires, version, timeout, beans, beanVersions, null);
    }

    /** The version of one bean; 0 when it is not stored. */
    public long beanVersion(String bean) {
        return beanVersions.getOrDefault(bean, 0L);
    }

    /** This session's own idle timeout, or {@code configured} when it has none. */
    public Duration idleTimeout(Duration configured) {
        return timeout > 0 ? Duration.ofSeconds(timeout) : configured;
    }

    /** Expired items count as absent: DynamoDB TTL deletes late, emulators such as moto never. */
    public boolean isExpiredAt(long epochMillis) {
        return expires * 1000 <= epochMillis;
    }
}
