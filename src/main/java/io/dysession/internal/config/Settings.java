package io.dysession.internal.config;

/**
 * Every {@code dysession.*} setting, read once at deployment and validated, grouped by what it configures.
 *
 * @param table                the session table and its item layout
 * @param client               the DynamoDB client
 * @param timing               timeouts and the touch interval
 * @param idTransport          where the session id travels
 * @param cookie               how the session cookie is written
 * @param cache                the per-server session cache
 * @param concurrency          how concurrent requests of one session combine: the mode and the lock
 * @param onIncompatibleState  what to do with stored state that no longer fits its class
 * @param login                logins kept with the session, and the cap per caller
 * @param serverTiming         whether responses carry a {@code Server-Timing} header with the request's DynamoDB calls
 * @param encryption           client-side encryption of bean values and logins
 */
public record Settings(TableSettings table, ClientSettings client, TimingSettings timing,
                       IdTransportSettings idTransport, CookieSettings cookie, CacheSettings cache,
                       ConcurrencySettings concurrency, IncompatibleStatePolicy onIncompatibleState,
                       LoginSettings login, boolean serverTiming,
                       EncryptionSettings encryption) {
}
