package io.dysession.internal.store;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What one request did to its session, for {@link SessionStore#save}.
 *
 * @param newId       the id to save under: a new session's, or a rotated one's; null to keep the loaded key
 * @param changed     bean key to JSON text of the beans whose state changed
 * @param removed     beans destroyed in the request
 * @param newTimeout  the session's own idle timeout set in the request, or null
 * @param login       the login set or ended in the request, or null when the request left it alone
 * @param lockOwner   serialized mode: the token of the lock this request holds (its save releases it), or null
 */
public record SessionDelta(String newId, Map<String, String> changed, Set<String> removed, Duration newTimeout,
                           LoginChange login, String lockOwner) {

    public SessionDelta {
        changed = Map.copyOf(changed);
        removed = Set.copyOf(removed);
    }

    /**
     * A login set in the request, or ended.
     *
     * @param login  the new login; null when the login ended (logout)
     */
    public record LoginChange(SessionLogin login) {
    }

    boolean writes() {
        return !changed.isEmpty() || !removed.isEmpty() || newTimeout != null || login != null;
    }

    @Override
    public String toString() {
        return "SessionDelta[changed=" + changed.keySet() + ", removed=" + removed + "]"; // never the id
    }
}
