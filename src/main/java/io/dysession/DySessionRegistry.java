package io.dysession;

import java.util.List;

/**
 * The logged-in sessions ({@link DySessionLogin}) of a caller, listed and ended from any server:
 * "log out everywhere", "end that other browser's session". Injectable, application-scoped.
 * Needs the table's caller index ({@code dysession.table.caller-index}); without it every method
 * fails with a message naming the table, the index and how to add it.
 *
 * <pre>
 * &#64;Inject DySessionRegistry registry;
 * &#64;Inject DySession session;
 *
 * List&lt;DySessionInfo&gt; mine = registry.sessionsOf(session.caller().orElseThrow());
 * registry.invalidate(mine.get(0).handle());                 // that one session
 * registry.invalidateAll(session.caller().orElseThrow());    // every session, this one included
 * </pre>
 *
 * A session ended here is deleted: its next request finds no session (anonymous, fresh state), and
 * a request of it still running cannot write it back. The listing reads DynamoDB's global index,
 * which is eventually consistent: a login of the last second may be missing.
 */
public interface DySessionRegistry {

    /** The caller's unexpired logged-in sessions, least recently used first: one DynamoDB {@code Query}. */
    List<DySessionInfo> sessionsOf(String caller);

    /** Ends the session with this handle; true when there was such a session. */
    boolean invalidate(String handle);

    /** Ends every session of the caller; returns how many there were. */
    int invalidateAll(String caller);
}
