package io.dysession;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The current request's DynamoDB-backed session, injectable wherever a request is active
 * (calls outside a request handled by the dysession filter throw {@code ContextNotActiveException}).
 *
 * <pre>
 * &#64;Inject DySession session;
 *
 * void login(User user) {
 *     session.rotateId();                      // session-fixation defence: new id, same state
 *     session.setTimeout(Duration.ofHours(2)); // this session only
 * }
 *
 * void logout() {
 *     session.invalidate();                    // &#64;PreDestroy, DeleteItem, cookie cleared
 * }
 * </pre>
 */
public interface DySession {

    /**
     * The session id, as sent to the client. Creates the session (and sets the cookie) if the
     * request has none yet. The id is a bearer token: do not log it.
     */
    String id();

    /** When the session was created; for a session not yet stored, when this request started. */
    Instant createdAt();

    /** When a request last saved or touched the session (before this request). */
    Instant lastAccessedAt();

    /** True until the client has sent the session's id back: no session yet, or created in this request. */
    boolean isNew();

    /** This session's idle timeout: its own if set, else {@code dysession.timeout}. */
    Duration timeout();

    /**
     * Sets this session's idle timeout (at least one second), stored with the session. The
     * absolute limit {@code dysession.max-lifetime} still applies.
     */
    void setTimeout(Duration timeout);

    /**
     * Ends the session in this request: {@code @PreDestroy} runs on its beans used in this request,
     * the item is deleted and the cookie cleared when the response is saved. Beans used after this
     * start a new session, with a new id.
     */
    void invalidate();

    /**
     * Gives the session a new id, keeping its state; the old id stops working when this request
     * saves (one DynamoDB transaction). Call it after login, against session fixation.
     *
     * @return the new id
     */
    String rotateId();

    /**
     * The caller whose login the session holds ({@link DySessionLogin}), as this request left it;
     * empty for an anonymous session. Costs nothing beyond loading the session.
     */
    Optional<String> caller();

    /**
     * The session's handle: the public digest of its id, the payload of the session's
     * {@code @Initialized}/{@code @Destroyed} events and {@link DySessionInfo#handle()}. It cannot be
     * turned back into the id and does not open the session, so it can be shown to the user, for instance
     * in a list of their sessions; {@link DySessionRegistry#invalidate} ends a session by it. Like
     * {@link #id()}, creates the session if the request has none.
     */
    String handle();
}
