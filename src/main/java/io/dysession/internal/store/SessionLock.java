package io.dysession.internal.store;

/**
 * The lease lock of a session item ({@code dysession.concurrency=serialized}): who holds it, and
 * until when. A lock whose lease has run out is free, whoever held it: a crashed server's lock
 * frees itself.
 *
 * @param owner  the holding request's random token (attribute {@value #OWNER}, S)
 * @param until  the end of the lease, epoch milliseconds (attribute {@value #UNTIL}, N)
 */
public record SessionLock(String owner, long until) {

    static final String OWNER = "lock";
    static final String UNTIL = "lockUntil";

    /** Held by someone at {@code nowMillis}. */
    boolean liveAt(long nowMillis) {
        return until > nowMillis;
    }

    boolean heldBy(String token) {
        return owner.equals(token);
    }
}
