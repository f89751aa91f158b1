package io.dysession.internal.login;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.inject.Vetoed;

import io.dysession.DySessionInfo;
import io.dysession.DySessionRegistry;
import io.dysession.internal.admin.TableAdmin;
import io.dysession.internal.config.LoginSettings;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.context.SessionEnvironment;
import io.dysession.internal.context.SessionId;
import io.dysession.internal.store.CallerIndex;
import io.dysession.internal.store.IndexedSession;
import io.dysession.internal.store.SessionKey;

/**
 * The injectable {@link DySessionRegistry}, and the cap on sessions per caller applied at login.
 * Ending a session here deletes its item; the request that is using it, if any, then finds it gone
 * when it saves and writes nothing back.
 */
@Vetoed
public final class SessionRegistry implements DySessionRegistry {

    private final DySessionContext context;
    private final SessionEnvironment env;
    private final TableAdmin admin;
    private final LoginSettings settings;

    public SessionRegistry(DySessionContext context, SessionEnvironment env, TableAdmin admin, LoginSettings settings) {
        this.context = context;
        this.env = env;
        this.admin = admin;
        this.settings = settings;
    }

    @Override
    public List<DySessionInfo> sessionsOf(String caller) {
        SessionKey current = currentKey();
        List<DySessionInfo> infos = new ArrayList<>();
        for (IndexedSession session : live(caller)) {
            infos.add(new DySessionInfo(session.key().handle(), session.login().caller(),
                    Instant.ofEpochMilli(session.created()), Instant.ofEpochMilli(session.accessed()),
                    Instant.ofEpochSecond(session.expires()), session.key().equals(current), session.login().client()));
        }
        return infos;
    }

    @Override
    public boolean invalidate(String handle) {
        if (!SessionId.isWellFormed(handle)) {
            return false; // a handle is a SHA-256 digest, base64url: the same 43-character format as an id
        }
        SessionKey key = index().keyOfHandle(handle);
        if (key.equals(currentKey())) {
            context.current().invalidate();
            return true;
        }
        return end(key);
    }

    @Override
    public int invalidateAll(String caller) {
        int ended = 0;
        SessionKey current = currentKey();
        for (IndexedSession session : live(caller)) {
            if (session.key().equals(current)) {
                context.current().invalidate();
                ended++;
            } else if (end(session.key())) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * Applies {@code dysession.login.max-sessions} to a login of {@code caller} in the session with
     * key {@code ownKey} (null for a new one): ends the least recently used sessions of the caller
     * beyond the cap, or refuses (returns false) with {@code on-max-sessions=refuse}. No cap, no call.
     */
    public boolean admit(String caller, SessionKey ownKey) {
        if (settings.maxSessions().isEmpty()) {
            return true;
        }
        List<IndexedSession> others = new ArrayList<>(live(caller));
        others.removeIf(session -> session.key().equals(ownKey));
        int excess = others.size() + 1 - settings.maxSessions().getAsInt();
        if (excess <= 0) {
            return true;
        }
        if (settings.onMaxSessions() == LoginSettings.OnMaxSessions.REFUSE) {
            return false;
        }
        others.stream().limit(excess).forEach(session -> end(session.key()));
        return true;
    }

    /** Fails at deployment when a cap is set but the table has no caller index. */
    public void checkIndex() {
        if (settings.maxSessions().isPresent()) {
            admin.requireCallerIndex();
        }
    }

    // Unexpired sessions, least recently used first: expired items stay in the index until TTL removes them.
    private List<IndexedSession> live(String caller) {
        admin.requireCallerIndex();
        long now = env.clock().millis();
        List<IndexedSession> live = new ArrayList<>();
        for (IndexedSession session : index().sessionsOf(caller)) {
            if (session.liveAt(now, env.timing())) {
                live.add(session);
            }
        }
        live.sort(Comparator.comparingLong(IndexedSession::accessed));
        return live;
    }

    private boolean end(SessionKey key) {
        boolean ended = index().end(key);
        if (ended) {
            env.events().ending(key.handle());
            env.events().ended(key.handle());
            env.counters().invalidated();
        }
        return ended;
    }

    private SessionKey currentKey() {
        return context.isActive() ? context.current().storedKey() : null;
    }

    private CallerIndex index() {
        return env.store().callerIndex();
    }
}
