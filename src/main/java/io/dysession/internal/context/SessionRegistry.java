package io.dysession.internal.context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.inject.Vetoed;

import io.dysession.DySessionInfo;
import io.dysession.DySessionRegistry;
import io.dysession.internal.config.LoginSettings;
import io.dysession.internal.store.CallerIndex;
import io.dysession.internal.store.IndexedSession;

/**
 * The injectable {@link DySessionRegistry}, and the cap on sessions per caller applied at login.
 * Ending a session here deletes its item; the request that is using it, if any, then finds it gone
 * when it saves and writes nothing back.
 */
@Vetoed
public final class SessionRegistry implements DySessionRegistry {

    private final DySessionContext context;

    public SessionRegistry(DySessionContext context) {
        this.context = context;
    }

    @Override
    public List<DySessionInfo> sessionsOf(String caller) {
        String current = context.isActive() ? context.current().storedKey() : null;
        SessionEnvironment env = env();
        List<DySessionInfo> infos = new ArrayList<>();
        for (IndexedSession session : live(caller)) {
            infos.add(new DySessionInfo(env.store().keys().publicDigest(session.key()), session.login().caller(),
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
        String key = env().store().keys().prefix() + handle;
        if (context.isActive() && key.equals(context.current().storedKey())) {
            context.current().invalidate();
            return true;
        }
        return end(key);
    }

    @Override
    public int invalidateAll(String caller) {
        int ended = 0;
        for (IndexedSession session : live(caller)) {
            if (context.isActive() && session.key().equals(context.current().storedKey())) {
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
    public boolean admit(String caller, String ownKey) {
        LoginSettings settings = env().login();
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
        if (env().login().maxSessions().isPresent()) {
            env().store().callerIndex().requirePresent();
        }
    }

    // Unexpired sessions, least recently used first: expired items stay in the index until TTL removes them.
    private List<IndexedSession> live(String caller) {
        SessionEnvironment env = env();
        long now = env.clock().millis();
        CallerIndex index = env.store().callerIndex();
        List<IndexedSession> live = new ArrayList<>();
        for (IndexedSession session : index.sessionsOf(caller)) {
            if (!session.isExpiredAt(now) && !env.timing().outlived(session.created(), now)) {
                live.add(session);
            }
        }
        live.sort(Comparator.comparingLong(IndexedSession::accessed));
        return live;
    }

    private boolean end(String key) {
        SessionEnvironment env = env();
        boolean ended = env.store().callerIndex().end(key);
        if (ended) {
            String digest = env.store().keys().publicDigest(key);
            env.events().ending(digest);
            env.events().ended(digest);
            env.counters().invalidated();
        }
        return ended;
    }

    private SessionEnvironment env() {
        SessionEnvironment env = context.environment();
        if (env == null) {
            throw new IllegalStateException("dysession is not started: its extension did not finish deployment.");
        }
        return env;
    }
}
