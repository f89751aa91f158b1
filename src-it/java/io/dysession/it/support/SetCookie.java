package io.dysession.it.support;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One raw {@code Set-Cookie} header, split into name, value and attributes (attribute names
 * lower-cased; a flag such as HttpOnly maps to the empty string), so tests can assert exactly
 * what the server sent rather than what a cookie parser made of it.
 */
public record SetCookie(String raw, String name, String value, Map<String, String> attributes) {

    public static SetCookie parse(String raw) {
        String[] parts = raw.split(";");
        String[] nameValue = parts[0].split("=", 2);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            String[] attribute = part.split("=", 2);
            attributes.put(attribute[0].trim().toLowerCase(Locale.ROOT),
                    attribute.length == 2 ? attribute[1].trim() : "");
        }
        return new SetCookie(raw, nameValue[0].trim(), nameValue.length == 2 ? nameValue[1].trim() : "",
                Map.copyOf(attributes));
    }

    public boolean has(String attribute) {
        return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute.toLowerCase(Locale.ROOT)));
    }
}
