package io.dysession.internal.merge;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Objects;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

/**
 * Merges one bean's JSON three ways: what a request loaded, what it wants to write, and what another
 * request stored meanwhile.
 *
 * <pre>
 * Merged merged = JsonMerge.merge("{\"count\":5,\"name\":\"a\"}",   // base: loaded
 *                                 "{\"count\":6,\"name\":\"a\"}",   // mine: to write
 *                                 "{\"count\":5,\"name\":\"b\"}");  // theirs: stored now
 * merged.json();        // {"count":6,"name":"b"}
 * merged.conflicts();   // []
 * </pre>
 *
 * <ul>
 * <li>A value changed, added or removed on one side only takes that side's value (removed stays
 * removed). Objects changed on both sides merge member by member.</li>
 * <li>An array to which both sides only appended becomes base, then theirs' additions, then mine's.</li>
 * <li>Any other path that both sides changed, even to equal values, and a bean that both created or
 * that the other side removed while this one changed it ({@code ""}), are conflicts: mine's value
 * is taken there.</li>
 * <li>Values are equal by structure: numbers by numeric value, object members in any order.</li>
 * </ul>
 */
public final class JsonMerge {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());

    private JsonMerge() {
    }

    /**
     * @param base what this request loaded; {@code null} when the bean was not stored when it loaded
     * @param mine what this request wants to write
     * @param theirs what is stored now; {@code null} when the bean is not stored
     * @throws IllegalArgumentException when a side is not JSON text; the message names the side
     */
    public static Merged merge(String base, String mine, String theirs) {
        Objects.requireNonNull(mine, "mine must be the JSON this request wants to write, not null");
        JsonValue baseValue = parse("base", base);
        JsonValue mineValue = parse("mine", mine);
        JsonValue theirsValue = parse("theirs", theirs);
        ThreeWayMerge walk = new ThreeWayMerge();
        JsonValue merged = walk.merge(JsonPointers.ROOT, baseValue, mineValue, theirsValue);
        return new Merged(text(merged, mineValue, mine, theirsValue, theirs), walk.conflicts());
    }

    /** A side taken whole keeps its own text, so that a merge without contention changes no byte. */
    private static String text(JsonValue merged, JsonValue mineValue, String mine, JsonValue theirsValue,
                               String theirs) {
        if (merged == null) {
            return null;
        }
        if (merged == mineValue) {
            return mine;
        }
        if (merged == theirsValue) {
            return theirs;
        }
        StringWriter text = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(text)) {
            writer.write(merged);
        }
        return text.toString();
    }

    private static JsonValue parse(String side, String json) {
        if (json == null) {
            return null;
        }
        if (json.isBlank()) {
            // said here: JSON-P providers disagree on where an empty text fails (johnzon-core: at column 2^31 + 1)
            throw new IllegalArgumentException(side + " is not JSON: the text is empty");
        }
        // A parser, not a reader: readers may ignore text after the value, and such text is not JSON.
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            if (!parser.hasNext()) {
                throw notJson(side, parser.getLocation(), null);
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw notJson(side, parser.getLocation(), null);
            }
            return value;
        } catch (JsonParsingException invalid) {
            throw notJson(side, invalid.getLocation(), invalid);
        } catch (JsonException invalid) {
            throw notJson(side, null, invalid);
        }
    }

    /** The location only: the parser's own message may quote session data. */
    private static IllegalArgumentException notJson(String side, JsonLocation at, Throwable cause) {
        return new IllegalArgumentException(side + " is not JSON"
                + (at == null ? "" : ": error at line " + at.getLineNumber() + ", column " + at.getColumnNumber()),
                cause);
    }
}
