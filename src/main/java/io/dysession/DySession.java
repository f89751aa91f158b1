package io.dysession;

/**
 * The current request's DynamoDB-backed session, injectable wherever a request is active.
 *
 * <pre>
 * &#64;Inject DySession session;
 *
 * String id = session.id(); // creates the session if this request has none yet
 * </pre>
 */
public interface DySession {

    /**
     * The session id, as sent to the client. Creates the session (and sets the cookie) if the
     * request has none yet. The id is a bearer token: do not log it.
     */
    String id();
}
