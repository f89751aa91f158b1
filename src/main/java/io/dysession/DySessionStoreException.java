package io.dysession;

import java.time.Duration;
import java.util.Optional;

/**
 * DynamoDB could not be used for the session store: the table is missing, the endpoint is
 * unreachable, or a request was refused. The message names the table, region and endpoint.
 * When it reaches the dysession filter before the response is committed, the client gets
 * {@code 503 Service Unavailable}; nothing of the request's session changes is half-written.
 *
 * <pre>
 * try {
 *     cart.add(item);
 * } catch (DySessionStoreException e) {
 *     e.retryAfter().ifPresent(wait -&gt; response.setHeader("Retry-After", Long.toString(wait.toSeconds())));
 * }
 * </pre>
 */
public class DySessionStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** A failure that a retry would meet again (DynamoDB refused the request itself). */
    public DySessionStoreException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * @param retryAfter  when a retry may succeed (timeouts, refused connections, throttling, 5xx, a
     *                    missing table); null when a retry would meet the same answer
     */
    public DySessionStoreException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /**
     * When retrying may succeed, at least one second: DynamoDB did not serve the call or was not
     * called because it has been failing. Empty when DynamoDB refused the request itself.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
