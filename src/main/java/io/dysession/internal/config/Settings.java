package io.dysession.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code dysession.*} setting, read once at deployment and validated.
 *
 * @param tableName       DynamoDB table holding one item per session
 * @param partitionKey    name of the table's partition key attribute (type S)
 * @param keyPrefix       prefix written before the id digest in the partition key
 * @param sortKey         name of the table's sort key attribute, when the table has one
 * @param sortKeyValue    constant sort key value of session items
 * @param ttlAttribute    name of the attribute holding expiry in epoch seconds
 * @param autoCreate      create the table at deployment when it is missing
 * @param timeout         idle timeout of a session
 * @param maxLifetime     absolute lifetime of a session, however active
 * @param touchInterval   how old the stored last-access time may get before a read-only request moves it
 * @param region          AWS region; empty means the SDK's default chain
 * @param endpoint        endpoint override (an emulator such as moto, compatible stores)
 * @param consistentRead  strongly consistent GetItem
 * @param cookie          how the session cookie is written
 * @param idFromCookie    read the id from the cookie
 * @param idFromHeader    read the id from the id header (APIs, mobile clients)
 * @param idHeader        name of the id header
 * @param failOnIncompatibleState  fail requests whose stored state no longer fits its class, instead of resetting it
 * @param compressionThreshold     JSON larger than this many bytes is stored gzip-compressed
 * @param strict          strict concurrency: a changed bean's write fails when another request wrote it since
 * @param cacheEnabled    keep a per-server cache of sessions
 * @param cacheMaxEntries most sessions the cache holds
 * @param cacheMaxStaleness how long a cached session is served without asking DynamoDB
 * @param accessKey       static credentials, when configured
 */
public record Settings(
        String tableName,
        String partitionKey,
        String keyPrefix,
        Optional<String> sortKey,
        String sortKeyValue,
        String ttlAttribute,
        boolean autoCreate,
        Duration timeout,
        Duration maxLifetime,
        Duration touchInterval,
        Optional<String> region,
        Optional<URI> endpoint,
        boolean consistentRead,
        CookieSettings cookie,
        boolean idFromCookie,
        boolean idFromHeader,
        String idHeader,
        boolean failOnIncompatibleState,
        int compressionThreshold,
        boolean strict,
        boolean cacheEnabled,
        int cacheMaxEntries,
        Duration cacheMaxStaleness,
        Optional<StaticCredentials> accessKey) {
}
