package io.dysession.internal.config;

import java.time.Duration;

/**
 * The per-server cache of sessions.
 *
 * @param enabled       keep a per-server cache of sessions
 * @param maxEntries    most sessions the cache holds
 * @param maxStaleness  how long a cached session is served without asking DynamoDB
 */
public record CacheSettings(boolean enabled, int maxEntries, Duration maxStaleness) {
}
