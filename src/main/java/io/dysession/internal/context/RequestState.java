package io.dysession.internal.context;

import java.time.Duration;

import io.dysession.internal.store.SessionDelta;
import io.dysession.internal.store.SessionKey;
import io.dysession.internal.store.StoredSession;

/**
 * What one request knows of its session and did to it so far: the {@link SessionRequest} changes
 * it as the application calls, {@link SessionSave} writes it and moves it on after each save.
 */
final class RequestState {

    /** The session as loaded or last saved; null when the request has none (yet). */
    StoredSession stored;
    /** The id the client holds or will get; null while the request has no session. */
    String id;
    /** The session was created by this request. */
    boolean createdHere;
    /** The client sent an id that is unknown or expired: its cookie is cleared. */
    boolean candidateRejected;
    /** The key of a session invalidated in this request, deleted at the save. */
    SessionKey ended;
    /** The id was rotated: the session moves to the new id's key at the save. */
    boolean rotated;
    /** The session's own idle timeout, set in this request. */
    Duration newTimeout;
    /** A login set or ended in this request. */
    SessionDelta.LoginChange loginChange;
    /** Serialized mode: the token of the session's lock while this request holds it; its save releases it. */
    String lockOwner;

    /** After {@code invalidate()}: no session, nothing pending but the deletion. */
    void clear() {
        stored = null;
        id = null;
        rotated = false;
        newTimeout = null;
        loginChange = null;
    }
}
