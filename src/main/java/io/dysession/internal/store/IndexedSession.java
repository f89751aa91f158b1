package io.dysession.internal.store;

import io.dysession.internal.config.TimingSettings;

/**
 * A logged-in session as the caller index holds it.
 *
 * @param key       the session's key
 * @param created   creation time, epoch milliseconds
 * @param accessed  last access time, epoch milliseconds
 * @param expires   expiry, epoch seconds
 * @param login     the login it holds
 */
public record IndexedSession(SessionKey key, long created, long accessed, long expires, SessionLogin login) {

    /** Whether the session may still be served at {@code epochMillis}, by {@link TimingSettings#live}. */
    public boolean liveAt(long epochMillis, TimingSettings timing) {
        return timing.live(expires, created, epochMillis);
    }
}
