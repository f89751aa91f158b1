package io.dysession.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How dysession's DynamoDB client connects, reads and gives up.
 *
 * @param region          AWS region; empty means the SDK's default chain
 * @param endpoint        endpoint override (a local emulator, compatible stores)
 * @param consistentRead  strongly consistent GetItem
 * @param accessKey       static credentials, when configured
 * @param limits          how long calls may take, how often they are tried, and when to stop calling
 */
public record ClientSettings(Optional<String> region, Optional<URI> endpoint, boolean consistentRead,
                             Optional<StaticCredentials> accessKey, Limits limits) {

    /**
     * @param callTimeout     a whole call, retries and their backoff included
     * @param attemptTimeout  one attempt of a call
     * @param maxAttempts     attempts of a call, the first included
     * @param maxConnections  pooled HTTP connections to DynamoDB
     * @param failFastAfter   failed calls in a row after which calls fail at once; 0: never
     * @param failFastFor     how long calls fail at once before one is let through as a probe
     */
    public record Limits(Duration callTimeout, Duration attemptTimeout, int maxAttempts, int maxConnections,
                         int failFastAfter, Duration failFastFor) {
    }
}
