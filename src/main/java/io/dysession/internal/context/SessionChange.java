package io.dysession.internal.context;

/**
 * What a save means for the client: nothing, a new or rotated id to send, a save that moved the
 * expiry (for a cookie with Max-Age), or a session that ended (clear the cookie).
 *
 * @param kind what happened
 * @param id   the id to send for STARTED, ROTATED and SAVED; null otherwise
 */
public record SessionChange(Kind kind, String id) {

    static final SessionChange NONE = new SessionChange(Kind.NONE, null);
    static final SessionChange ENDED = new SessionChange(Kind.ENDED, null);

    /** What happened to the session in a save. */
    public enum Kind {
        NONE, STARTED, ROTATED, SAVED, ENDED
    }
}
