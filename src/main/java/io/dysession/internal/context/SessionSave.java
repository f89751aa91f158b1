package io.dysession.internal.context;

import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import io.dysession.DySessionConflictException;
import io.dysession.internal.store.SaveResult;
import io.dysession.internal.store.SessionDelta;

/**
 * Saves one request's session: deletes an invalidated one, creates a new one when some bean's
 * state differs from a fresh instance (or the id was asked for), and hands the changes of an
 * existing one to the store, whose write rules decide the DynamoDB call. Says what the client's
 * cookie must learn.
 */
final class SessionSave {

    private static final Logger LOG = Logger.getLogger(SessionSave.class.getName());

    private final SessionEnvironment env;
    private final RequestState state;
    private final RequestBeans beans;

    SessionSave(SessionEnvironment env, RequestState state, RequestBeans beans) {
        this.env = env;
        this.state = state;
        this.beans = beans;
    }

    /** @param canSetCookie false once the response is committed: a new id could no longer reach the client */
    SessionChange save(boolean canSetCookie) {
        boolean ended = deleteEnded();
        Map<String, String> changed = beans.changed();
        if (state.stored != null) {
            return saveExisting(changed, state.rotated && canSetCookie, canSetCookie);
        }
        if (changed.isEmpty() && state.id == null) {
            // An unknown or expired id is cleared, so that the client stops costing a GetItem per request.
            return ended || state.candidateRejected ? SessionChange.ENDED : SessionChange.NONE;
        }
        if (!canSetCookie) {
            LOG.warning(() -> "dysession could not start a session for beans " + changed.keySet()
                    + ": the response was already committed, so no cookie could be sent. Change session beans "
                    + "before writing the response body.");
            return SessionChange.NONE;
        }
        if (state.id == null) {
            state.id = SessionId.generate();
        }
        state.stored = env.store().save(null, delta(state.id, changed), beans).session();
        state.createdHere = true;
        state.loginChange = null;
        env.counters().created();
        beans.saved(changed);
        env.events().started(state.stored.key().handle());
        return new SessionChange(SessionChange.Kind.STARTED, state.id);
    }

    private boolean deleteEnded() {
        if (state.ended == null) {
            return false;
        }
        env.store().delete(state.ended, state.lockOwner != null);
        state.lockOwner = null; // gone with the item
        env.events().ended(state.ended.handle());
        state.ended = null;
        return true;
    }

    private SessionChange saveExisting(Map<String, String> changed, boolean rotating, boolean canSetCookie) {
        SessionDelta delta = delta(rotating ? state.id : null, changed);
        String reference = state.stored.key().logRef();
        SaveResult result = env.store().save(state.stored, delta, beans);
        state.lockOwner = null; // released by the write, or no longer this request's
        switch (result.kind()) {
            case ENDED -> {
                state.stored = null;
                return endedMeanwhile(reference, canSetCookie, SessionChange.ENDED);
            }
            case GONE -> {
                state.stored = null;
                return rotating || !changed.isEmpty() || !beans.removed().isEmpty() || state.newTimeout != null
                        || state.loginChange != null ? endedMeanwhile(reference, canSetCookie, SessionChange.NONE)
                        : SessionChange.NONE;
            }
            case UNCHANGED, STALE -> {
                return SessionChange.NONE;
            }
            case SAVED -> env.counters().saved();
            case TOUCHED -> env.counters().touched();
            case ROTATED, CREATED -> state.rotated = false;
        }
        state.stored = result.session();
        beans.saved(changed);
        state.newTimeout = null;
        state.loginChange = null;
        return new SessionChange(rotating ? SessionChange.Kind.ROTATED : SessionChange.Kind.SAVED, state.id);
    }

    /**
     * Another request ended the session (invalidated it, rotated its id, revoked its login) while
     * this one ran: its writes were dropped, as they must be (no resurrection). The client learns it
     * with 409 while the response is open; after that only the log and the count say so.
     */
    private SessionChange endedMeanwhile(String reference, boolean canSetCookie, SessionChange committed) {
        env.counters().droppedWrite();
        if (canSetCookie) {
            throw new DySessionConflictException("dysession session " + reference + " was ended by another request "
                    + "while this request ran; its changes were not written.", Set.of(), true);
        }
        return committed;
    }

    private SessionDelta delta(String newId, Map<String, String> changed) {
        return new SessionDelta(newId, changed, beans.removed(changed), state.newTimeout, state.loginChange,
                state.lockOwner);
    }

    /** Serialized mode: a request that ended without saving (an exception) gives the lock back. */
    void unlock() {
        if (state.lockOwner == null || state.stored == null) {
            return;
        }
        try {
            env.store().unlock(state.stored.key(), state.lockOwner);
        } catch (RuntimeException e) {
            LOG.fine(() -> "dysession could not release the lock of session " + state.stored.key().logRef()
                    + "; its lease frees it: " + e.getMessage());
        } finally {
            state.lockOwner = null;
        }
    }
}
