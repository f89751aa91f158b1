package io.dysession.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

import static io.dysession.internal.config.ConfigKeys.*;

/**
 * Reads {@link Settings} from MicroProfile Config (or any key-to-value lookup, such as the
 * command-line tool's flags and environment), collecting every invalid value instead of
 * stopping at the first, so that a deployment reports all of them at once.
 */
public final class SettingsReader {

    private static final Map<String, IdTransportSettings.IdSource> ID_SOURCES = Map.of(
            "cookie", IdTransportSettings.IdSource.COOKIE, "header", IdTransportSettings.IdSource.HEADER,
            "cookie,header", IdTransportSettings.IdSource.COOKIE_AND_HEADER,
            "header,cookie", IdTransportSettings.IdSource.COOKIE_AND_HEADER);
    private static final Pattern TABLE_NAME_FORMAT = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern REGION_FORMAT = Pattern.compile("[a-z0-9-]{2,64}");
    // RFC 6265 cookie-name: a token, no separators
    private static final Pattern COOKIE_NAME_FORMAT = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    // RFC 6265 path-value and domain: printable ASCII without ';' (and no spaces)
    private static final Pattern COOKIE_PATH_FORMAT = Pattern.compile("/[!-:<-~]*");
    private static final Pattern COOKIE_DOMAIN_FORMAT = Pattern.compile("\\.?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern HTTP_METHOD = Pattern.compile("[A-Za-z]{1,20}");
    private static final String TOKEN_EXPECTED = "a token: letters, digits and !#$%&'*+.^_`|~-";

    private final ConfigValues config;

    private SettingsReader(Function<String, Optional<String>> values) {
        this.config = new ConfigValues(values);
    }

    /** Reads and validates; the result holds either settings or the list of problems. */
    public static Result read(Config config) {
        return read(key -> config.getOptionalValue(key, String.class));
    }

    /**
     * Reads and validates from a lookup of {@code dysession.*} keys; an empty value means the
     * key is not set (its default applies).
     */
    public static Result read(Function<String, Optional<String>> values) {
        SettingsReader reader = new SettingsReader(values);
        Settings settings = reader.readAll();
        List<String> problems = reader.config.problems();
        return new Result(problems.isEmpty() ? settings : null, problems);
    }

    /** Settings, or the problems that prevent them; exactly one is present. */
    public record Result(Settings settings, List<String> problems) {
    }

    private Settings readAll() {
        TableSettings table = table();
        TimingSettings timing = new TimingSettings(config.positiveDuration(TIMEOUT, "PT30M"),
                config.positiveDuration(MAX_LIFETIME, "PT12H"), config.duration(TOUCH_INTERVAL, "PT1M"));
        ClientSettings client = client();
        CookieSettings cookie = cookie();
        IdTransportSettings idTransport = new IdTransportSettings(config.choice(ID_SOURCE,
                        config.raw(ID_SOURCE, "cookie").replace(" ", ""), ID_SOURCES, "cookie, header or cookie,header"),
                config.string(ID_HEADER, "X-DySession", COOKIE_NAME_FORMAT, TOKEN_EXPECTED));
        IncompatibleStatePolicy incompatible = config.choice(ON_INCOMPATIBLE_STATE, config.raw(ON_INCOMPATIBLE_STATE, "reset"),
                Map.of("reset", IncompatibleStatePolicy.RESET, "fail", IncompatibleStatePolicy.FAIL), "reset or fail");
        CacheSettings cache = cache();
        return new Settings(table, client, timing, idTransport, cookie, cache, concurrency(cache, client), incompatible,
                login(), config.bool(SERVER_TIMING, false), EncryptionKeys.read(config));
    }

    private ConcurrencySettings concurrency(CacheSettings cache, ClientSettings client) {
        ConcurrencyMode mode = config.choice(CONCURRENCY, config.raw(CONCURRENCY, "merge"), Map.of(
                "merge", ConcurrencyMode.MERGE, "strict", ConcurrencyMode.STRICT,
                "serialized", ConcurrencyMode.SERIALIZED), "merge, strict or serialized");
        Duration lockWait = config.duration(LOCK_WAIT, "PT5S");
        if (lockWait != null && lockWait.isNegative()) {
            lockWait = config.invalid(LOCK_WAIT, lockWait.toString(), "an ISO-8601 duration of zero or more, such as PT5S");
        }
        Duration lockLease = config.positiveDuration(LOCK_LEASE, "PT30S");
        Set<String> unlocked = new LinkedHashSet<>();
        for (String method : config.raw(UNLOCKED_METHODS, "GET,HEAD,OPTIONS").split(",")) {
            String trimmed = method.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!HTTP_METHOD.matcher(trimmed).matches()) {
                config.invalid(UNLOCKED_METHODS, config.raw(UNLOCKED_METHODS, ""),
                        "a comma-separated list of HTTP methods such as GET,HEAD,OPTIONS (or empty: every request locks)");
                break;
            }
            unlocked.add(trimmed.toUpperCase(Locale.ROOT));
        }
        if (mode == ConcurrencyMode.SERIALIZED) {
            if (cache.enabled()) {
                config.problem("Invalid configuration: " + CONCURRENCY + "=serialized and " + CACHE_ENABLED + "=true "
                        + "do not go together: a locked request's lock call is its load, so the cache cannot save it. "
                        + "Turn the cache off, or choose merge or strict.");
            }
            Duration callTimeout = client.limits().callTimeout();
            if (lockLease != null && callTimeout != null && lockLease.compareTo(callTimeout.multipliedBy(2)) < 0) {
                config.problem("Invalid configuration: " + LOCK_LEASE + "=" + lockLease + " is shorter than twice "
                        + CALL_TIMEOUT + "=" + callTimeout + ": a lock could expire while its holder is still within "
                        + "its DynamoDB calls. Raise " + LOCK_LEASE + " (default PT30S).");
            }
        }
        return new ConcurrencySettings(mode, lockWait, lockLease, unlocked);
    }

    private LoginSettings login() {
        OptionalInt maxSessions = OptionalInt.empty();
        if (config.optional(LOGIN_MAX_SESSIONS).isPresent()) {
            Integer max = config.atLeast(LOGIN_MAX_SESSIONS, null, 1, "a number of sessions, 1 or more");
            maxSessions = max == null ? OptionalInt.empty() : OptionalInt.of(max);
        }
        LoginSettings.OnMaxSessions onMax = config.choice(LOGIN_ON_MAX_SESSIONS,
                config.raw(LOGIN_ON_MAX_SESSIONS, "end-oldest"), ConfigValues.caseInsensitive(Map.of(
                        "end-oldest", LoginSettings.OnMaxSessions.END_OLDEST,
                        "refuse", LoginSettings.OnMaxSessions.REFUSE)), "end-oldest or refuse");
        config.choice(LOGIN_MECHANISMS, config.raw(LOGIN_MECHANISMS, "application").trim(),
                ConfigValues.caseInsensitive(Map.of("application", true, "all", true)), "application or all");
        return new LoginSettings(maxSessions, onMax);
    }

    private TableSettings table() {
        String name = config.string(TABLE_NAME, "sessions", TABLE_NAME_FORMAT,
                "3 to 255 characters from A-Z, a-z, 0-9, '_', '-' and '.'");
        String partitionKey = config.attributeName(PARTITION_KEY, "PK");
        String keyPrefix = config.untrimmed(KEY_PREFIX).orElse("");
        Optional<String> sortKey = config.optional(SORT_KEY).map(value -> config.checkedAttributeName(SORT_KEY, value));
        String sortKeyValue = config.raw(SORT_KEY_VALUE, "session");
        String ttlAttribute = config.attributeName(TTL_ATTRIBUTE, "ttl");
        boolean autoCreate = config.bool(AUTO_CREATE, false);
        for (String attribute : new String[] {sortKey.orElse(null), ttlAttribute}) {
            if (partitionKey != null && partitionKey.equals(attribute)) {
                config.problem("Invalid configuration: " + PARTITION_KEY + ", " + SORT_KEY + " and " + TTL_ATTRIBUTE
                        + " must name different attributes, but '" + attribute + "' is used twice.");
            }
        }
        Integer compressionThreshold = config.atLeast(COMPRESSION_THRESHOLD, "4096", 0, "a number of bytes (0 or more)");
        String callerIndex = config.string(CALLER_INDEX, "caller-index", TABLE_NAME_FORMAT,
                "3 to 255 characters from A-Z, a-z, 0-9, '_', '-' and '.'");
        return new TableSettings(name, partitionKey, keyPrefix, sortKey, sortKeyValue, ttlAttribute, autoCreate,
                compressionThreshold == null ? 0 : compressionThreshold, callerIndex);
    }

    private ClientSettings client() {
        Optional<String> region = config.optional(REGION).map(value -> config.matching(REGION, value, REGION_FORMAT,
                "an AWS region name such as eu-west-1"));
        Optional<URI> endpoint = config.optional(ENDPOINT).map(value -> config.url(ENDPOINT, value));
        boolean consistentRead = config.bool(CONSISTENT_READ, true);
        Optional<String> accessKeyId = config.optional(ACCESS_KEY_ID);
        Optional<String> secretAccessKey = config.optional(SECRET_ACCESS_KEY);
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            config.problem("Invalid configuration: " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " go together, "
                    + "but only " + (accessKeyId.isPresent() ? ACCESS_KEY_ID : SECRET_ACCESS_KEY) + " is set. Set "
                    + "both, or neither to use the AWS SDK default credentials chain (preferred).");
        }
        Optional<StaticCredentials> accessKey = accessKeyId.isPresent() && secretAccessKey.isPresent()
                ? Optional.of(new StaticCredentials(accessKeyId.get(), secretAccessKey.get())) : Optional.empty();
        return new ClientSettings(region, endpoint, consistentRead, accessKey, limits());
    }

    private ClientSettings.Limits limits() {
        Duration callTimeout = config.positiveDuration(CALL_TIMEOUT, "PT2.5S");
        Duration attemptTimeout = config.positiveDuration(ATTEMPT_TIMEOUT, "PT1S");
        if (callTimeout != null && attemptTimeout != null && attemptTimeout.compareTo(callTimeout) > 0) {
            config.problem("Invalid configuration: " + ATTEMPT_TIMEOUT + "=" + attemptTimeout + " is longer than "
                    + CALL_TIMEOUT + "=" + callTimeout + ", which bounds the whole call including its attempts; "
                    + "make it shorter, or raise " + CALL_TIMEOUT + ".");
        }
        Integer maxAttempts = config.atLeast(MAX_ATTEMPTS, "6", 1, "a number of attempts, 1 or more");
        Integer maxConnections = config.atLeast(MAX_CONNECTIONS, "50", 1, "a number of connections, 1 or more");
        Integer failFastAfter = config.atLeast(FAIL_FAST_AFTER, "5", 0,
                "a number of failed calls in a row (0 turns fail-fast off)");
        Duration failFastFor = config.positiveDuration(FAIL_FAST_FOR, "PT5S");
        return new ClientSettings.Limits(callTimeout, attemptTimeout, maxAttempts == null ? 1 : maxAttempts,
                maxConnections == null ? 1 : maxConnections, failFastAfter == null ? 0 : failFastAfter, failFastFor);
    }

    private CacheSettings cache() {
        boolean enabled = config.bool(CACHE_ENABLED, false);
        Integer maxEntries = config.atLeast(CACHE_MAX_ENTRIES, "10000", 1, "a positive number of sessions");
        Duration maxStaleness = config.duration(CACHE_MAX_STALENESS, "PT0S");
        if (maxStaleness != null && maxStaleness.isNegative()) {
            maxStaleness = config.invalid(CACHE_MAX_STALENESS, maxStaleness.toString(),
                    "an ISO-8601 duration of zero or more, such as PT5S");
        }
        return new CacheSettings(enabled, maxEntries == null ? 1 : maxEntries, maxStaleness);
    }

    private CookieSettings cookie() {
        String name = config.string(COOKIE_NAME, "DYSESSION", COOKIE_NAME_FORMAT, TOKEN_EXPECTED);
        Optional<String> path = config.optional(COOKIE_PATH).map(value -> config.matching(COOKIE_PATH, value, COOKIE_PATH_FORMAT,
                "a path starting with / without spaces or ';'"));
        Optional<String> domain = config.optional(COOKIE_DOMAIN).map(value -> config.matching(COOKIE_DOMAIN, value,
                COOKIE_DOMAIN_FORMAT, "a host name such as example.com"));
        CookieSettings.Secure secure = config.choice(COOKIE_SECURE, config.raw(COOKIE_SECURE, "auto"), ConfigValues.caseInsensitive(Map.of(
                "auto", CookieSettings.Secure.AUTO, "true", CookieSettings.Secure.ALWAYS,
                "false", CookieSettings.Secure.NEVER)), "auto, true or false");
        boolean httpOnly = config.bool(COOKIE_HTTP_ONLY, true);
        String sameSite = config.choice(COOKIE_SAME_SITE, config.raw(COOKIE_SAME_SITE, "Lax"), ConfigValues.caseInsensitive(Map.of(
                "lax", "Lax", "strict", "Strict", "none", "None")), "Lax, Strict or None");
        Optional<Duration> maxAge = config.optional(COOKIE_MAX_AGE).map(value -> {
            Duration duration = config.parse(COOKIE_MAX_AGE, value, Duration::parse, "an ISO-8601 duration such as PT12H");
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                return config.invalid(COOKIE_MAX_AGE, value, "a positive ISO-8601 duration such as PT12H");
            }
            return duration;
        });
        return new CookieSettings(name, path, domain, secure, httpOnly, sameSite, maxAge);
    }
}
