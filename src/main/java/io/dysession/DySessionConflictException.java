package io.dysession;

import java.util.Set;

/**
 * This request's session changes could not be written, and none of them was: with
 * {@code dysession.concurrency=strict}, another request of the same session changed a property of
 * a bean that this request also changed, after this request loaded it; in any mode, another
 * request ended the session (invalidated it, rotated its id, or revoked its login) while this one
 * ran ({@link #sessionEnded()}). When it reaches the dysession filter before the response commits,
 * the client gets {@code 409 Conflict} with a short text, and may retry the request.
 *
 * <pre>
 * try {
 *     session.invalidate();   // or any change, saved when the response commits
 *     response.flushBuffer();
 * } catch (DySessionConflictException e) {
 *     if (e.sessionEnded()) { ... the user was logged out meanwhile ... }
 * }
 * </pre>
 */
public class DySessionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Set<String> beans;
    private final boolean sessionEnded;

    /** A conflict on {@code beans}: another request changed the same properties of them. */
    public DySessionConflictException(String message, Set<String> beans) {
        this(message, beans, false);
    }

    /**
     * @param sessionEnded  true when another request ended the session while this one ran
     */
    public DySessionConflictException(String message, Set<String> beans, boolean sessionEnded) {
        super(message);
        this.beans = Set.copyOf(beans);
        this.sessionEnded = sessionEnded;
    }

    /** True when another request ended the session while this one ran: its writes were dropped. */
    public boolean sessionEnded() {
        return sessionEnded;
    }

    /** The bean classes (fully qualified names) whose stored state moved under this request; empty when the session ended. */
    public Set<String> beans() {
        return beans;
    }
}
