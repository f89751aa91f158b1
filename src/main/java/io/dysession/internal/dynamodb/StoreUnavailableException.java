package io.dysession.internal.dynamodb;

import java.time.Duration;

import io.dysession.DySessionStoreException;

/**
 * DynamoDB did not serve a call (timed out, refused, throttled, failed, table missing), or was not
 * called because it has been failing: worth retrying after {@link #retryAfter()}.
 */
public final class StoreUnavailableException extends DySessionStoreException {

    private static final long serialVersionUID = 1L;

    private final boolean failingFast;

    StoreUnavailableException(String message, Throwable cause, Duration retryAfter, boolean failingFast) {
        super(message, cause, retryAfter);
        this.failingFast = failingFast;
    }

    /** True when DynamoDB was not called at all because it has been failing. */
    public boolean failingFast() {
        return failingFast;
    }
}
