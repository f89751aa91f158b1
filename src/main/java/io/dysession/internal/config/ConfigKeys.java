package io.dysession.internal.config;

/**
 * The names of every {@code dysession.*} configuration key, in one place for the reader, the
 * command-line tool and messages.
 */
public final class ConfigKeys {

    public static final String TABLE_NAME = "dysession.table.name";
    public static final String PARTITION_KEY = "dysession.table.partition-key";
    public static final String KEY_PREFIX = "dysession.table.key-prefix";
    public static final String SORT_KEY = "dysession.table.sort-key";
    public static final String SORT_KEY_VALUE = "dysession.table.sort-key-value";
    public static final String TTL_ATTRIBUTE = "dysession.table.ttl-attribute";
    public static final String AUTO_CREATE = "dysession.table.auto-create";
    public static final String TIMEOUT = "dysession.timeout";
    public static final String MAX_LIFETIME = "dysession.max-lifetime";
    public static final String TOUCH_INTERVAL = "dysession.touch-interval";
    public static final String REGION = "dysession.dynamodb.region";
    public static final String ENDPOINT = "dysession.dynamodb.endpoint";
    public static final String CONSISTENT_READ = "dysession.dynamodb.consistent-read";
    public static final String CALL_TIMEOUT = "dysession.dynamodb.call-timeout";
    public static final String ATTEMPT_TIMEOUT = "dysession.dynamodb.attempt-timeout";
    public static final String MAX_ATTEMPTS = "dysession.dynamodb.max-attempts";
    public static final String MAX_CONNECTIONS = "dysession.dynamodb.max-connections";
    public static final String FAIL_FAST_AFTER = "dysession.dynamodb.fail-fast-after";
    public static final String FAIL_FAST_FOR = "dysession.dynamodb.fail-fast-for";
    public static final String COOKIE_NAME = "dysession.cookie.name";
    public static final String COOKIE_PATH = "dysession.cookie.path";
    public static final String COOKIE_DOMAIN = "dysession.cookie.domain";
    public static final String COOKIE_SECURE = "dysession.cookie.secure";
    public static final String COOKIE_HTTP_ONLY = "dysession.cookie.http-only";
    public static final String COOKIE_SAME_SITE = "dysession.cookie.same-site";
    public static final String COOKIE_MAX_AGE = "dysession.cookie.max-age";
    public static final String ID_SOURCE = "dysession.id-source";
    public static final String ID_HEADER = "dysession.id-header";
    public static final String ON_INCOMPATIBLE_STATE = "dysession.on-incompatible-state";
    public static final String COMPRESSION_THRESHOLD = "dysession.compression-threshold";
    public static final String CONCURRENCY = "dysession.concurrency";
    public static final String LOCK_WAIT = "dysession.concurrency.lock-wait";
    public static final String LOCK_LEASE = "dysession.concurrency.lock-lease";
    public static final String UNLOCKED_METHODS = "dysession.concurrency.unlocked-methods";
    public static final String ACCESS_KEY_ID = "dysession.dynamodb.access-key-id";
    public static final String SECRET_ACCESS_KEY = "dysession.dynamodb.secret-access-key";
    public static final String CACHE_ENABLED = "dysession.cache.enabled";
    public static final String CACHE_MAX_ENTRIES = "dysession.cache.max-entries";
    public static final String CACHE_MAX_STALENESS = "dysession.cache.max-staleness";
    public static final String CALLER_INDEX = "dysession.table.caller-index";
    public static final String LOGIN_MAX_SESSIONS = "dysession.login.max-sessions";
    public static final String LOGIN_ON_MAX_SESSIONS = "dysession.login.on-max-sessions";
    public static final String LOGIN_MECHANISMS = "dysession.login.mechanisms";
    public static final String SERVER_TIMING = "dysession.server-timing";
    public static final String ENCRYPTION_KEYS = "dysession.encryption.keys";
    public static final String ENCRYPTION_ACTIVE_KEY = "dysession.encryption.active-key";
    public static final String ENCRYPTION_REQUIRED = "dysession.encryption.required";

    private ConfigKeys() {
    }
}
