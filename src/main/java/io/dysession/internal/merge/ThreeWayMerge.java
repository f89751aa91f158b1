package io.dysession.internal.merge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;

/** One walk over base, mine and theirs that merges them and collects the paths both sides changed. */
final class ThreeWayMerge {

    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private final List<String> conflicts = new ArrayList<>();

    List<String> conflicts() {
        return conflicts;
    }

    /** The merged value at {@code path}; {@code null} stands for an absent value, on input and output. */
    JsonValue merge(String path, JsonValue base, JsonValue mine, JsonValue theirs) {
        if (JsonEquality.equal(base, theirs)) {
            return mine;
        }
        if (JsonEquality.equal(base, mine)) {
            return theirs;
        }
        if (all(ValueType.OBJECT, base, mine, theirs)) {
            return mergeObjects(path, base.asJsonObject(), mine.asJsonObject(), theirs.asJsonObject());
        }
        if (all(ValueType.ARRAY, base, mine, theirs)
                && JsonEquality.startsWith(mine.asJsonArray(), base.asJsonArray())
                && JsonEquality.startsWith(theirs.asJsonArray(), base.asJsonArray())) {
            // both differ from base, so both are longer: each side only appended
            return appendBoth(base.asJsonArray(), mine.asJsonArray(), theirs.asJsonArray());
        }
        // Even when mine equals theirs: two increments from 5 both write 6, and one of them is lost.
        conflicts.add(path);
        return mine;
    }

    private JsonObject mergeObjects(String path, JsonObject base, JsonObject mine, JsonObject theirs) {
        // Document order: mine's members, then those only theirs has, then those both removed.
        Set<String> names = new LinkedHashSet<>(mine.keySet());
        names.addAll(theirs.keySet());
        names.addAll(base.keySet());
        JsonObjectBuilder merged = BUILDERS.createObjectBuilder();
        for (String name : names) {
            JsonValue value = merge(JsonPointers.member(path, name), base.get(name), mine.get(name), theirs.get(name));
            if (value != null) {
                merged.add(name, value);
            }
        }
        return merged.build();
    }

    /** The other request appended first, as far as the store knows: its lines come before this request's. */
    private static JsonArray appendBoth(JsonArray base, JsonArray mine, JsonArray theirs) {
        JsonArrayBuilder merged = BUILDERS.createArrayBuilder();
        base.forEach(merged::add);
        theirs.subList(base.size(), theirs.size()).forEach(merged::add);
        mine.subList(base.size(), mine.size()).forEach(merged::add);
        return merged.build();
    }

    private static boolean all(ValueType type, JsonValue base, JsonValue mine, JsonValue theirs) {
        return base != null && mine != null && theirs != null
                && base.getValueType() == type && mine.getValueType() == type && theirs.getValueType() == type;
    }
}
