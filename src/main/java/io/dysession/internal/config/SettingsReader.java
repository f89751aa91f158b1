package io.dysession.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        TableSettings table = table();
        TimingSettings timing = new TimingSettings(positiveDuration(TIMEOUT, "PT30M"),
                positiveDuration(MAX_LIFETIME, "PT12H"), duration(TOUCH_INTERVAL, "PT1M"));
        ClientSettings client = client();
        CookieSettings cookie = cookie();
        IdTransportSettings idTransport = new IdTransportSettings(choice(ID_SOURCE,
                        raw(ID_SOURCE, "cookie").replace(" ", ""), ID_SOURCES, "cookie, header or cookie,header"),
                string(ID_HEADER, "X-DySession", COOKIE_NAME_FORMAT, TOKEN_EXPECTED));
        IncompatibleStatePolicy incompatible = choice(ON_INCOMPATIBLE_STATE, raw(ON_INCOMPATIBLE_STATE, "reset"),
                Map.of("reset", IncompatibleStatePolicy.RESET, "fail", IncompatibleStatePolicy.FAIL), "reset or fail");
        ConcurrencyMode concurrency = choice(CONCURRENCY, raw(CONCURRENCY, "merge"),
                Map.of("merge", ConcurrencyMode.MERGE, "strict", ConcurrencyMode.STRICT), "merge or strict");
        return new Settings(table, client, timing, idTransport, cookie, cache(), concurrency, incompatible);
    }

    private TableSettings table() {
        String name = string(TABLE_NAME, "sessions", TABLE_NAME_FORMAT,
                "3 to 255 characters from A-Z, a-z, 0-9, '_', '-' and '.'");
        String partitionKey = attributeName(PARTITION_KEY, "PK");
        String keyPrefix = values.apply(KEY_PREFIX).orElse("");
        Optional<String> sortKey = optional(SORT_KEY).map(value -> checkedAttributeName(SORT_KEY, value));
        String sortKeyValue = raw(SORT_KEY_VALUE, "session");
        String ttlAttribute = attributeName(TTL_ATTRIBUTE, "ttl");
        boolean autoCreate = bool(AUTO_CREATE, false);
        for (String attribute : new String[] {sortKey.orElse(null), ttlAttribute}) {
            if (partitionKey != null && partitionKey.equals(attribute)) {
                problems.add("Invalid configuration: " + PARTITION_KEY + ", " + SORT_KEY + " and " + TTL_ATTRIBUTE
                        + " must name different attributes, but '" + attribute + "' is used twice.");
            }
        }
        Integer compressionThreshold = atLeast(COMPRESSION_THRESHOLD, "4096", 0, "a number of bytes (0 or more)");
        return new TableSettings(name, partitionKey, keyPrefix, sortKey, sortKeyValue, ttlAttribute, autoCreate,
                compressionThreshold == null ? 0 : compressionThreshold);
    }

    private ClientSettings client() {
        Optional<String> region = optional(REGION).map(value -> matching(REGION, value, REGION_FORMAT,
                "an AWS region name such as eu-west-1"));
        Optional<URI> endpoint = optional(ENDPOINT).map(this::endpoint);
        boolean consistentRead = bool(CONSISTENT_READ, true);
        Optional<String> accessKeyId = optional(ACCESS_KEY_ID);
        Optional<String> secretAccessKey = optional(SECRET_ACCESS_KEY);
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            problems.add("Invalid configuration: " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " go together, "
                    + "but only " + (accessKeyId.isPresent() ? ACCESS_KEY_ID : SECRET_ACCESS_KEY) + " is set. Set "
                    + "both, or neither to use the AWS SDK default credentials chain (preferred).");
        }
        Optional<StaticCredentials> accessKey = accessKeyId.isPresent() && secretAccessKey.isPresent()
                ? Optional.of(new StaticCredentials(accessKeyId.get(), secretAccessKey.get())) : Optional.empty();
        return new ClientSettings(region, endpoint, consistentRead, accessKey);
    }

    private CacheSettings cache() {
        boolean enabled = bool(CACHE_ENABLED, false);
        Integer maxEntries = atLeast(CACHE_MAX_ENTRIES, "10000", 1, "a positive number of sessions");
        Duration maxStaleness = duration(CACHE_MAX_STALENESS, "PT0S");
        if (maxStaleness != null && maxStaleness.isNegative()) {
            maxStaleness = invalid(CACHE_MAX_STALENESS, maxStaleness.toString(),
                    "an ISO-8601 duration of zero or more, such as PT5S");
        }
        return new CacheSettings(enabled, maxEntries == null ? 1 : maxEntries, maxStaleness);
    }

    private CookieSettings cookie() {
        String name = string(COOKIE_NAME, "DYSESSION", COOKIE_NAME_FORMAT, TOKEN_EXPECTED);
        Optional<String> path = optional(COOKIE_PATH).map(value -> matching(COOKIE_PATH, value, COOKIE_PATH_FORMAT,
                "a path starting with / without spaces or ';'"));
        Optional<String> domain = optional(COOKIE_DOMAIN).map(value -> matching(COOKIE_DOMAIN, value,
                COOKIE_DOMAIN_FORMAT, "a host name such as example.com"));
        CookieSettings.Secure secure = choice(COOKIE_SECURE, raw(COOKIE_SECURE, "auto"), caseInsensitive(Map.of(
                "auto", CookieSettings.Secure.AUTO, "true", CookieSettings.Secure.ALWAYS,
                "false", CookieSettings.Secure.NEVER)), "auto, true or false");
        boolean httpOnly = bool(COOKIE_HTTP_ONLY, true);
        String sameSite = choice(COOKIE_SAME_SITE, raw(COOKIE_SAME_SITE, "Lax"), caseInsensitive(Map.of(
                "lax", "Lax", "strict", "Strict", "none", "None")), "Lax, Strict or None");
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

    private Integer atLeast(String key, String defaultValue, int minimum, String expected) {
        Integer value = parse(key, raw(key, defaultValue), Integer::valueOf, expected);
        if (value != null && value < minimum) {
            return invalid(key, value.toString(), expected);
        }
        return value;
    }

    // One of a fixed set of values; the map's ordering decides whether case matters.
    private <T> T choice(String key, String value, Map<String, T> choices, String expected) {
        T chosen = choices.get(value);
        return chosen != null ? chosen : invalid(key, value, expected);
    }

    private static <T> Map<String, T> caseInsensitive(Map<String, T> choices) {
        Map<String, T> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(choices);
        return map;
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
