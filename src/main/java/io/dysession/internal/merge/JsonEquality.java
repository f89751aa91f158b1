package io.dysession.internal.merge;

import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Structural equality of JSON values, with {@code null} standing for an absent value. */
final class JsonEquality {

    private JsonEquality() {
    }

    static boolean equal(JsonValue a, JsonValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getValueType() != b.getValueType()) {
            return false;
        }
        return switch (a.getValueType()) {
            // compareTo, not equals: 1 and 1.0 are one number, whichever way a writer spelled it
            case NUMBER -> ((JsonNumber) a).bigDecimalValue().compareTo(((JsonNumber) b).bigDecimalValue()) == 0;
            case STRING -> ((JsonString) a).getString().equals(((JsonString) b).getString());
            case OBJECT -> equalObjects(a.asJsonObject(), b.asJsonObject());
            case ARRAY -> equalArrays(a.asJsonArray(), b.asJsonArray());
            default -> true; // true, false and null: the type is the value
        };
    }

    private static boolean equalObjects(JsonObject a, JsonObject b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, JsonValue> member : a.entrySet()) {
            if (!equal(member.getValue(), b.get(member.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalArrays(JsonArray a, JsonArray b) {
        return a.size() == b.size() && startsWith(a, b);
    }

    /** Whether {@code array} begins with every element of {@code prefix}, in order. */
    static boolean startsWith(JsonArray array, JsonArray prefix) {
        if (array.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!equal(array.get(i), prefix.get(i))) {
                return false;
            }
        }
        return true;
    }
}
