package io.dysession.internal.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import io.dysession.internal.statistics.Counters;

/**
 * After {@code threshold} failed DynamoDB calls in a row, calls fail at once for {@code openFor}
 * instead of each waiting out the call timeout; then one call is let through as a probe, and its
 * success lets all calls through again. Conditional-check failures and validation errors are
 * answers, not failures: only timeouts, refused connections, throttling, 5xx and a missing table
 * count.
 */
public final class FailFast {

    private static final Logger LOG = Logger.getLogger(FailFast.class.getName());
    private static final Duration PROBE_PENDING = Duration.ofSeconds(1);

    private final int threshold;
    private final Duration openFor;
    private final StoreLocation location;
    private final Counters statistics;
    private final Clock clock;

    private int failuresInARow;
    private Instant openUntil;
    private boolean probing;

    public FailFast(int threshold, Duration openFor, StoreLocation location, Counters statistics, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.location = location;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** Never fails fast (the command-line tool). */
    static FailFast off(StoreLocation location, Counters statistics) {
        return new FailFast(0, Duration.ZERO, location, statistics, Clock.systemUTC());
    }

    /** Throws when this call must not be made now; otherwise the call may go (perhaps as the probe). */
    synchronized void admit(String operation) {
        if (openUntil == null) {
            return;
        }
        Instant now = clock.instant();
        Duration left = Duration.between(now, openUntil);
        if (left.isNegative() || left.isZero()) {
            if (!probing) {
                probing = true;
                return;
            }
            left = PROBE_PENDING;
        }
        statistics.failedFast();
        throw new StoreUnavailableException("DynamoDB " + location + " failed " + threshold + " calls in a row; "
                + "dysession does not call it (" + operation + ") for " + seconds(left) + " s more, then probes it "
                + "with one call (dysession.dynamodb.fail-fast-after, dysession.dynamodb.fail-fast-for).",
                null, Duration.ofSeconds(seconds(left)), true);
    }

    synchronized void succeeded() {
        failuresInARow = 0;
        if (openUntil != null) {
            openUntil = null;
            probing = false;
            statistics.failingFast(false);
            LOG.info(() -> "dysession: DynamoDB " + location + " answers again; calls go through again.");
        }
    }

    synchronized void failed() {
        failuresInARow++;
        if (openUntil != null) {
            openUntil = clock.instant().plus(openFor);
            probing = false;
        } else if (threshold > 0 && failuresInARow >= threshold) {
            openUntil = clock.instant().plus(openFor);
            statistics.failingFast(true);
            LOG.warning(() -> "dysession: DynamoDB " + location + " failed " + failuresInARow + " calls in a row; "
                    + "requests that need a session get 503 at once for " + openFor.toMillis() + " ms, then one call "
                    + "probes DynamoDB (dysession.dynamodb.fail-fast-after, dysession.dynamodb.fail-fast-for).");
        }
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
