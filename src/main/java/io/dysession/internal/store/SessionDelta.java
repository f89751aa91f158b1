package io.dysession.internal.store;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What one request did to its session, for {@link SessionStore#save}.
 *
 * @param key         the key to save under: the loaded session's, a new one for a rotated id, or a new session's
 * @param changed     bean key to JSON text of the beans whose state changed
 * @param removed     beans destroyed in the request
 * @param newTimeout  the session's own idle timeout set in the request, or null
 * @param login       the login set or ended in the request, or null when the request left it alone
 */
public record SessionDelta(String key, Map<String, String> changed, Set<String> removed, Duration newTimeout,
                           LoginChange login) {

    public SessionDelta {
        changed = Map.copyOf(changed);
        removed = Set.copyOf(removed);
    }

    /** A delta that leaves the login alone. */
    public SessionDelta(String key, Map<String, String> changed, Set<String> removed, Duration newTimeout) {
        this(key, changed, removed, newTimeout, null);
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
}
