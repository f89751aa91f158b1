package io.dysession.internal.config;

import java.time.Duration;
import java.util.Set;

/**
 * How concurrent requests of one session combine ({@code dysession.concurrency.*}).
 *
 * @param mode             merge, strict or serialized
 * @param lockWait         serialized: how long a request waits for another's lock before 503
 * @param lockLease        serialized: how long a lock holds without its holder (a crashed server's lock frees then)
 * @param unlockedMethods  serialized: HTTP methods whose requests read without taking the lock (upper case)
 */
public record ConcurrencySettings(ConcurrencyMode mode, Duration lockWait, Duration lockLease,
                                  Set<String> unlockedMethods) {

    public ConcurrencySettings {
        unlockedMethods = Set.copyOf(unlockedMethods);
    }

    /** Whether a request with this HTTP method takes the session's lock (serialized mode only). */
    public boolean locks(String method) {
        return mode == ConcurrencyMode.SERIALIZED && !unlockedMethods.contains(method);
    }
}
