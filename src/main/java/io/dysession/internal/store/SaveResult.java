package io.dysession.internal.store;

/**
 * What {@link SessionStore#save} did.
 *
 * @param kind     what was written, if anything
 * @param session  the session as stored now: for CREATED, ROTATED, SAVED, TOUCHED and STALE; null otherwise
 * @param previous SAVED by a write that was conditioned on the item's existence only: the item it replaced
 */
public record SaveResult(Kind kind, StoredSession session, StoredSession previous) {

    SaveResult(Kind kind, StoredSession session) {
        this(kind, session, null);
    }

    static final SaveResult UNCHANGED = new SaveResult(Kind.UNCHANGED, null);
    static final SaveResult GONE = new SaveResult(Kind.GONE, null);
    static final SaveResult ENDED = new SaveResult(Kind.ENDED, null);

    /** The ways a save ends without an exception. */
    public enum Kind {
        /** a new item */
        CREATED,
        /** the session moved to a new key */
        ROTATED,
        /** changed beans, removed beans, the login or the timeout written */
        SAVED,
        /** only the access and expiry times moved */
        TOUCHED,
        /** nothing to write, or another request moved the expiry already */
        UNCHANGED,
        /** the item was deleted meanwhile; nothing was written */
        GONE,
        /** the item was deleted while this request rotated its id: the session has ended for the client */
        ENDED,
        /**
         * another request wrote the item since it was read; {@code session} is the item as stored
         * now. Only between the store's write calls and its retries: {@link SessionStore#save}
         * never returns it.
         */
        STALE
    }
}
