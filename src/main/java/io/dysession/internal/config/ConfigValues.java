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

/**
 * Typed values of configuration keys, each checked; an invalid value becomes a problem that
 * names the key, the value and what is expected, and reading goes on.
 */
final class ConfigValues {

    private final Function<String, Optional<String>> values;
    private final List<String> problems = new ArrayList<>();

    ConfigValues(Function<String, Optional<String>> values) {
        this.values = values;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    void problem(String message) {
        problems.add(message);
    }

    /** The value as given, spaces included; empty when unset. */
    Optional<String> untrimmed(String key) {
        return values.apply(key);
    }

    Optional<String> optional(String key) {
        return values.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    String raw(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    String string(String key, String defaultValue, Pattern format, String expected) {
        return matching(key, raw(key, defaultValue), format, expected);
    }

    String matching(String key, String value, Pattern format, String expected) {
        if (!format.matcher(value).matches()) {
            return invalid(key, value, expected);
        }
        return value;
    }

    String attributeName(String key, String defaultValue) {
        return checkedAttributeName(key, raw(key, defaultValue));
    }

    String checkedAttributeName(String key, String value) {
        if (value.length() > 255) {
            return invalid(key, value, "a DynamoDB attribute name of at most 255 characters");
        }
        return value;
    }

    boolean bool(String key, boolean defaultValue) {
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

    Duration duration(String key, String defaultValue) {
        return parse(key, raw(key, defaultValue), Duration::parse,
                "an ISO-8601 duration such as PT30M (30 minutes) or PT12H");
    }

    Duration positiveDuration(String key, String defaultValue) {
        Duration duration = duration(key, defaultValue);
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            return invalid(key, raw(key, defaultValue), "a positive ISO-8601 duration such as PT30M");
        }
        return duration;
    }

    URI url(String key, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return invalid(key, value, "an absolute http or https URL such as http://127.0.0.1:8000");
    }

    Integer atLeast(String key, String defaultValue, int minimum, String expected) {
        Integer value = parse(key, raw(key, defaultValue), Integer::valueOf, expected);
        if (value != null && value < minimum) {
            return invalid(key, value.toString(), expected);
        }
        return value;
    }

    // One of a fixed set of values; the map's ordering decides whether case matters.
    <T> T choice(String key, String value, Map<String, T> choices, String expected) {
        T chosen = choices.get(value);
        return chosen != null ? chosen : invalid(key, value, expected);
    }

    static <T> Map<String, T> caseInsensitive(Map<String, T> choices) {
        Map<String, T> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(choices);
        return map;
    }

    <T> T parse(String key, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
            return invalid(key, value, expected);
        }
    }

    <T> T invalid(String key, String value, String expected) {
        problems.add("Invalid configuration: " + key + "=" + value + " is not valid; expected " + expected + ".");
        return null;
    }
}
