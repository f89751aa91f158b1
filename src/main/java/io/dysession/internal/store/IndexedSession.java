package io.dysession.internal.store;

/**
 * A logged-in session as the caller index holds it.
 *
 * @param key       the session's partition key value
 * @param created   creation time, epoch milliseconds
 * @param accessed  last access time, epoch milliseconds
 * @param expires   expiry, epoch seconds
 * @param login     the login it holds
 */
public record IndexedSession(String key, long created, long accessed, long expires, SessionLogin login) {

    /** Expired items count as absent, as in {@link StoredSession#isExpiredAt}. */
    public boolean isExpiredAt(long epochMillis) {
        return expires * 1000 <= epochMillis;
    }
}
