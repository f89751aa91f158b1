package io.dysession.internal.context;

/**
 * Where session lifecycle events go: the CDI events {@code @Initialized}, {@code @BeforeDestroyed}
 * and {@code @Destroyed} of the scope. The payload is the session's public handle (the digest the
 * item is stored under), never the id.
 */
public interface SessionEvents {

    SessionEvents NONE = new SessionEvents() {
    };

    default void started(String handle) {
    }

    default void ending(String handle) {
    }

    default void ended(String handle) {
    }
}
