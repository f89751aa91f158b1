package io.dysession;

import java.time.Instant;

/**
 * One logged-in session of a caller, as {@link DySessionRegistry#sessionsOf} lists it. Holds no
 * session id: the handle is a digest of it, enough to end the session but not to use it.
 *
 * <pre>
 * for (DySessionInfo info : registry.sessionsOf(caller)) {
 *     page.row(info.client(), info.lastAccessedAt(), info.current() ? "this browser" : "end it: " + info.handle());
 * }
 * </pre>
 *
 * @param handle          the session's handle ({@link DySession#handle()}), for {@link DySessionRegistry#invalidate}
 * @param caller          the caller the session is logged in as
 * @param createdAt       when the session was created
 * @param lastAccessedAt  when a request last saved or touched it
 * @param expiresAt       when it expires unless used again (idle timeout, or the absolute lifetime)
 * @param current         true for the session of the current request
 * @param client          the {@code User-Agent} that logged in, truncated to 200 characters; empty if none was sent
 */
public record DySessionInfo(String handle, String caller, Instant createdAt, Instant lastAccessedAt,
                            Instant expiresAt, boolean current, String client) {
}
