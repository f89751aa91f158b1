package io.dysession.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link Settings} from MicroProfile Config (or any key-to-value lookup, such as the
 * command-line tool's flags and environment), collecting every invalid value instead of
 * stopping at the first, so that a deployment reports all of them at once.
 */
public final class SettingsReader {

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
    public static final String ACCESS_KEY_ID = "dysession.dynamodb.access-key-id";
    public static final String SECRET_ACCESS_KEY = "dysession.dynamodb.secret-access-key";
    public static final String CACHE_ENABLED = "dysession.cache.enabled";
    public static final String CACHE_MAX_ENTRIES = "dysession.cache.max-entries";
    public static final String CACHE_MAX_STALENESS = "dysession.cache.max-staleness";

    private static final Pattern TABLE_NAME_FORMAT = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern REGION_FORMAT = Pattern.compile("[a-z0-9-]{2,64}");
    // RFC 6265 cookie-name: a token, no separators
    private static final Pattern COOKIE_NAME_FORMAT = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    // RFC 6265 path-value and domain: printable ASCII without ';' (and no spaces)
    private static final Pattern COOKIE_PATH_FORMAT = Pattern.compile("/[!-:<-~]*");
    private static final Pattern COOKIE_DOMAIN_FORMAT = Pattern.compile("\\.?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final String TOKEN_EXPECTED = "a token: letters, digits and !#$%&'*+.^_`|~-";

    private final Function<String, Optional<String>> values;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(Function<String, Optional<String>> values) {
        this.values = values;
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
        return new Result(reader.problems.isEmpty() ? settings : null, List.copyOf(reader.problems));
    }

    /** Settings, or the problems that prevent them; exactly one is present. */
    public record Result(Settings settings, List<String> problems) {
    }

    private Settings readAll() {
        String tableName = string(TABLE_NAME, "sessions", TABLE_NAME_FORMAT,
                "3 to 255 characters from A-Z, a-z, 0-9, '_', '-' and '.'");
        String partitionKey = attributeName(PARTITION_KEY, "PK");
        String keyPrefix = values.apply(KEY_PREFIX).orElse("");
        Optional<String> sortKey = optional(SORT_KEY).map(value -> checkedAttributeName(SORT_KEY, value));
        String sortKeyValue = raw(SORT_KEY_VALUE, "session");
        String ttlAttribute = attributeName(TTL_ATTRIBUTE, "ttl");
        boolean autoCreate = bool(AUTO_CREATE, false);
        Duration timeout = positiveDuration(TIMEOUT, "PT30M");
        Duration maxLifetime = positiveDuration(MAX_LIFETIME, "PT12H");
        Duration touchInterval = duration(TOUCH_INTERVAL, "PT1M");
        Optional<String> region = optional(REGION).map(value -> matching(REGION, value, REGION_FORMAT,
                "an AWS region name such as eu-west-1"));
        Optional<URI> endpoint = optional(ENDPOINT).map(this::endpoint);
        boolean consistentRead = bool(CONSISTENT_READ, true);
        CookieSettings cookie = cookie();
        String idSource = raw(ID_SOURCE, "cookie").replace(" ", "");
        boolean idFromCookie = idSource.equals("cookie") || idSource.equals("cookie,header")
                || idSource.equals("header,cookie");
        boolean idFromHeader = idSource.contains("header");
        if (!idFromCookie && !idSource.equals("header")) {
            invalid(ID_SOURCE, idSource, "cookie, header or cookie,header");
        }
        String idHeader = string(ID_HEADER, "X-DySession", COOKIE_NAME_FORMAT, TOKEN_EXPECTED);
        String incompatible = raw(ON_INCOMPATIBLE_STATE, "reset");
        if (!incompatible.equals("reset") && !incompatible.equals("fail")) {
            invalid(ON_INCOMPATIBLE_STATE, incompatible, "reset or fail");
        }
        Integer compressionThreshold = parse(COMPRESSION_THRESHOLD, raw(COMPRESSION_THRESHOLD, "4096"),
                Integer::valueOf, "a number of bytes (0 or more)");
        if (compressionThreshold != null && compressionThreshold < 0) {
            compressionThreshold = invalid(COMPRESSION_THRESHOLD, compressionThreshold.toString(),
                    "a number of bytes (0 or more)");
        }
        for (String name : new String[] {sortKey.orElse(null), ttlAttribute}) {
            if (partitionKey != null && partitionKey.equals(name)) {
                problems.add("Invalid configuration: " + PARTITION_KEY + ", " + SORT_KEY + " and " + TTL_ATTRIBUTE
                        + " must name different attributes, but '" + name + "' is used twice.");
            }
        }
        String concurrency = raw(CONCURRENCY, "merge");
        if (!concurrency.equals("merge") && !concurrency.equals("strict")) {
            invalid(CONCURRENCY, concurrency, "merge or strict");
        }
        boolean cacheEnabled = bool(CACHE_ENABLED, false);
        Integer cacheMaxEntries = parse(CACHE_MAX_ENTRIES, raw(CACHE_MAX_ENTRIES, "10000"), Integer::valueOf,
                "a positive number of sessions");
        if (cacheMaxEntries != null && cacheMaxEntries < 1) {
            cacheMaxEntries = invalid(CACHE_MAX_ENTRIES, cacheMaxEntries.toString(), "a positive number of sessions");
        }
        Duration cacheMaxStaleness = duration(CACHE_MAX_STALENESS, "PT0S");
        if (cacheMaxStaleness != null && cacheMaxStaleness.isNegative()) {
            cacheMaxStaleness = invalid(CACHE_MAX_STALENESS, cacheMaxStaleness.toString(),
                    "an ISO-8601 duration of zero or more, such as PT5S");
        }
        Optional<String> accessKeyId = optional(ACCESS_KEY_ID);
        Optional<String> secretAccessKey = optional(SECRET_ACCESS_KEY);
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            problems.add("Invalid configuration: " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " go together, "
                    + "but only " + (accessKeyId.isPresent() ? ACCESS_KEY_ID : SECRET_ACCESS_KEY) + " is set. Set "
                    + "both, or neither to use the AWS SDK default credentials chain (preferred).");
        }
        Optional<StaticCredentials> accessKey = accessKeyId.isPresent() && secretAccessKey.isPresent()
                ? Optional.of(new StaticCredentials(accessKeyId.get(), secretAccessKey.get())) : Optional.empty();
        return new Settings(tableName, partitionKey, keyPrefix, sortKey, sortKeyValue, ttlAttribute, autoCreate,
                timeout, maxLifetime, touchInterval, region, endpoint, consistentRead, cookie, idFromCookie,
                idFromHeader, idHeader, incompatible.equals("fail"),
                compressionThreshold == null ? 0 : compressionThreshold, concurrency.equals("strict"), cacheEnabled,
                cacheMaxEntries == null ? 1 : cacheMaxEntries, cacheMaxStaleness, accessKey);
    }

    private CookieSettings cookie() {
        String name = string(COOKIE_NAME, "DYSESSION", COOKIE_NAME_FORMAT, TOKEN_EXPECTED);
        Optional<String> path = optional(COOKIE_PATH).map(value -> matching(COOKIE_PATH, value, COOKIE_PATH_FORMAT,
                "a path starting with / without spaces or ';'"));
        Optional<String> domain = optional(COOKIE_DOMAIN).map(value -> matching(COOKIE_DOMAIN, value,
                COOKIE_DOMAIN_FORMAT, "a host name such as example.com"));
        String secureValue = raw(COOKIE_SECURE, "auto");
        CookieSettings.Secure secure = switch (secureValue.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> CookieSettings.Secure.AUTO;
            case "true" -> CookieSettings.Secure.ALWAYS;
            case "false" -> CookieSettings.Secure.NEVER;
            default -> invalid(COOKIE_SECURE, secureValue, "auto, true or false");
        };
        boolean httpOnly = bool(COOKIE_HTTP_ONLY, true);
        String sameSite = raw(COOKIE_SAME_SITE, "Lax");
        sameSite = switch (sameSite.toLowerCase(java.util.Locale.ROOT)) {
            case "lax" -> "Lax";
            case "strict" -> "Strict";
            case "none" -> "None";
            default -> invalid(COOKIE_SAME_SITE, sameSite, "Lax, Strict or None");
        };
        Optional<Duration> maxAge = optional(COOKIE_MAX_AGE).map(value -> {
            Duration duration = parse(COOKIE_MAX_AGE, value, Duration::parse, "an ISO-8601 duration such as PT12H");
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                return invalid(COOKIE_MAX_AGE, value, "a positive ISO-8601 duration such as PT12H");
            }
            return duration;
        });
        return new CookieSettings(name, path, domain, secure, httpOnly, sameSite, maxAge);
    }

    private Optional<String> optional(String key) {
        return values.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    private String raw(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    private String string(String key, String defaultValue, Pattern format, String expected) {
        return matching(key, raw(key, defaultValue), format, expected);
    }

    private String matching(String key, String value, Pattern format, String expected) {
        if (!format.matcher(value).matches()) {
            return invalid(key, value, expected);
        }
        return value;
    }

    private String attributeName(String key, String defaultValue) {
        return checkedAttributeName(key, raw(key, defaultValue));
    }

    private String checkedAttributeName(String key, String value) {
        if (value.length() > 255) {
            return invalid(key, value, "a DynamoDB attribute name of at most 255 characters");
        }
        return value;
    }

    private boolean bool(String key, boolean defaultValue) {
        String value = raw(key, Boolean.toString(defaultValue));
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        invalid(key, value, "true or false");
        return defaultValue;
    }

    private Duration duration(String key, String defaultValue) {
        return parse(key, raw(key, defaultValue), Duration::parse,
                "an ISO-8601 duration such as PT30M (30 minutes) or PT12H");
    }

    private Duration positiveDuration(String key, String defaultValue) {
        Duration duration = duration(key, defaultValue);
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            return invalid(key, raw(key, defaultValue), "a positive ISO-8601 duration such as PT30M");
        }
        return duration;
    }

    private URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return invalid(ENDPOINT, value, "an absolute http or https URL such as http://127.0.0.1:8000");
    }

    private <T> T parse(String key, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
            return invalid(key, value, expected);
        }
    }

    private <T> T invalid(String key, String value, String expected) {
        problems.add("Invalid configuration: " + key + "=" + value + " is not valid; expected " + expected + ".");
        return null;
    }
}
