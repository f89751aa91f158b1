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
 */
public record SessionDelta(String key, Map<String, String> changed, Set<String> removed, Duration newTimeout) {

    public SessionDelta {
        changed = Map.copyOf(changed);
        removed = Set.copyOf(removed);
    }

    boolean writes() {
        return !changed.isEmpty() || !removed.isEmpty() || newTimeout != null;
    }
}
