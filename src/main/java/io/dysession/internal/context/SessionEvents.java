package io.dysession.internal.context;

/**
 * Where session lifecycle events go: the CDI events {@code @Initialized}, {@code @BeforeDestroyed}
 * and {@code @Destroyed} of the scope. The payload is the session's public digest (its item key
 * without the configured prefix), never the id.
 */
public interface SessionEvents {

    void started(String publicDigest);

    void ending(String publicDigest);

    void ended(String publicDigest);
}
