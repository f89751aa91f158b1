package io.dysession.internal.store;

import java.time.Duration;

import io.dysession.DySessionStoreException;

/**
 * DynamoDB did not serve a call (timed out, refused, throttled, failed, table missing), or was not
 * called because it has been failing: worth retrying after {@link #retryAfter()}.
 */
public final class StoreUnavailableException extends DySessionStoreException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final boolean failingFast;

    StoreUnavailableException(String message, Throwable cause, Duration retryAfter, boolean failingFast) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.failingFast = failingFast;
    }

    /** When a retry may succeed; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True when DynamoDB was not called at all because it has been failing. */
    public boolean failingFast() {
        return failingFast;
    }
}
