package io.dysession.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import io.dysession.internal.merge.JsonMerge;
import io.dysession.internal.merge.Merged;

/**
 * Over random beans: disjoint changes merge to both applied, appends from both sides are all kept, and a
 * path both sides changed is a conflict. Changes are applied with JSON-P's own {@code JsonPointer}, and
 * results compared by JSON-P's equality with numbers made canonical, so that neither relies on the code
 * under test.
 */
class JsonMergePropertiesTest {

    /** Member names of generated beans, with the two characters that RFC 6901 escapes. */
    private static final List<String> NAMES = List.of("a", "b", "count", "lines", "a/b", "m~n");
    /** Names no generated bean has, so that an addition is one. */
    private static final String ADDED_BY_MINE = "added-by-mine";
    private static final String ADDED_BY_THEIRS = "added-by-theirs";

    enum Side { MINE, THEIRS }

    enum Claim { NONE, MINE_SETS, THEIRS_SETS, MINE_REMOVES, THEIRS_REMOVES }

    enum Additions { NONE, MINE, THEIRS, BOTH }

    /** One change of one side: {@code value} null removes the member at {@code pointer}. */
    record Change(Side side, String pointer, JsonValue value, boolean addition) {
    }

    /** A bean and the changes of both sides to it. */
    record Scenario(JsonObject base, List<Change> changes) {

        JsonObject after(Set<Side> sides) {
            JsonObject result = base;
            for (Change change : changes) {
                if (sides.contains(change.side())) {
                    result = apply(result, change);
                }
            }
            return result;
        }

        boolean bothSidesChange() {
            return changes.stream().anyMatch(c -> c.side() == Side.MINE)
                    && changes.stream().anyMatch(c -> c.side() == Side.THEIRS);
        }

        /** Whether both sides change inside one top-level member, so that the merge must recurse to keep both. */
        boolean bothChangeInsideOneMember() {
            for (Change mine : changes) {
                for (Change theirs : changes) {
                    if (mine.side() == Side.MINE && theirs.side() == Side.THEIRS
                            && depth(mine.pointer()) > 1 && depth(theirs.pointer()) > 1
                            && topLevel(mine.pointer()).equals(topLevel(theirs.pointer()))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    @Property(tries = 1000)
    void disjointChangesMergeToBothApplied(@ForAll("disjointChanges") Scenario scenario) {
        Statistics.label("both sides change").collect(scenario.bothSidesChange()).coverage(coverage ->
                coverage.check(true).percentage(share -> share >= 40));
        Statistics.label("both change inside one member").collect(scenario.bothChangeInsideOneMember())
                .coverage(coverage -> coverage.check(true).percentage(share -> share >= 10));
        Statistics.label("removals and additions").collect(
                scenario.changes().stream().anyMatch(c -> c.value() == null),
                scenario.changes().stream().anyMatch(Change::addition)).coverage(coverage -> {
                    coverage.check(true, true).percentage(share -> share >= 10);
                });

        Merged merged = JsonMerge.merge(text(scenario.base()), text(scenario.after(Set.of(Side.MINE))),
                text(scenario.after(Set.of(Side.THEIRS))));

        assertEquals(List.of(), merged.conflicts());
        assertEquals(canonical(scenario.after(Set.of(Side.MINE, Side.THEIRS))), canonical(parse(merged.json())));
    }

    @Property(tries = 500)
    void appendsFromBothSidesAreAllKept(@ForAll("beansWithArrays") JsonObject base,
                                        @ForAll("additions") List<List<JsonValue>> mineAdds,
                                        @ForAll("additions") List<List<JsonValue>> theirsAdds) {
        List<String> arrays = arrayPointers(base, "");
        Statistics.label("arrays appended to").collect(Math.min(arrays.size(), 3)).coverage(coverage ->
                coverage.check(3).percentage(share -> share >= 5));
        JsonObject mine = base;
        JsonObject theirs = base;
        JsonObject expected = base;
        for (int i = 0; i < arrays.size(); i++) {
            List<JsonValue> fromMine = mineAdds.get(i % mineAdds.size());
            List<JsonValue> fromTheirs = theirsAdds.get(i % theirsAdds.size());
            mine = appendAt(mine, arrays.get(i), fromMine);
            theirs = appendAt(theirs, arrays.get(i), fromTheirs);
            expected = appendAt(appendAt(expected, arrays.get(i), fromTheirs), arrays.get(i), fromMine);
        }

        Merged merged = JsonMerge.merge(text(base), text(mine), text(theirs));

        assertEquals(List.of(), merged.conflicts());
        assertEquals(canonical(expected), canonical(parse(merged.json())));
    }

    @Property(tries = 1000)
    void aPathBothSidesChangedIsAConflict(@ForAll("overlappingChanges") Scenario scenario) {
        Change mine = scenario.changes().get(0);
        Change theirs = scenario.changes().get(1);
        JsonValue before = Json.createPointer(mine.pointer()).getValue(scenario.base());
        Assume.that(changes(before, mine.value()) && changes(before, theirs.value()));
        Statistics.label("both to the same").collect(sameValue(mine.value(), theirs.value())).coverage(coverage ->
                coverage.check(true).percentage(share -> share >= 10));
        Statistics.label("depth").collect(Math.min(depth(mine.pointer()), 2)).coverage(coverage ->
                coverage.check(2).percentage(share -> share >= 10));
        Statistics.label("a removal").collect(mine.value() == null || theirs.value() == null).coverage(coverage ->
                coverage.check(true).percentage(share -> share >= 10));
        Statistics.label("from a structure").collect(before instanceof JsonStructure).coverage(coverage ->
                coverage.check(true).percentage(share -> share >= 10));

        Merged merged = JsonMerge.merge(text(scenario.base()), text(scenario.after(Set.of(Side.MINE))),
                text(scenario.after(Set.of(Side.THEIRS))));

        assertEquals(List.of(mine.pointer()), merged.conflicts());
        assertEquals(canonical(scenario.after(Set.of(Side.MINE))), canonical(parse(merged.json())));
    }

    /**
     * Each member of the bean, in document order, is left alone, set or removed by one side, or (an
     * object) entered; nothing under a member one side changed is touched by the other. Each object left
     * alone may get a new member from either side or both.
     */
    @Provide
    Arbitrary<Scenario> disjointChanges() {
        return beans(3, 2).flatMap(base -> {
            List<String> members = memberPointers(base, "");
            List<String> objects = new ArrayList<>(List.of(""));
            members.stream().filter(p -> Json.createPointer(p).getValue(base) instanceof JsonObject)
                    .forEach(objects::add);
            return Combinators.combine(
                    Arbitraries.frequency(Tuple.of(3, Claim.NONE), Tuple.of(2, Claim.MINE_SETS),
                            Tuple.of(2, Claim.THEIRS_SETS), Tuple.of(1, Claim.MINE_REMOVES),
                            Tuple.of(1, Claim.THEIRS_REMOVES)).list().ofSize(members.size()),
                    values(2).list().ofSize(members.size()),
                    Arbitraries.of(Additions.class).list().ofSize(objects.size()),
                    values(1).list().ofSize(objects.size()),
                    values(1).list().ofSize(objects.size()))
                    .as((claims, values, additions, mineAdded, theirsAdded) -> {
                        List<Change> changes = new ArrayList<>();
                        Set<String> taken = new HashSet<>();
                        for (int i = 0; i < members.size(); i++) {
                            String pointer = members.get(i);
                            if (taken.contains(parent(pointer))) {
                                taken.add(pointer);
                            } else if (claims.get(i) != Claim.NONE) {
                                taken.add(pointer);
                                changes.add(claimed(claims.get(i), pointer, values.get(i)));
                            }
                        }
                        for (int i = 0; i < objects.size(); i++) {
                            String object = objects.get(i);
                            if (taken.contains(object)) {
                                continue;
                            }
                            if (additions.get(i) == Additions.MINE || additions.get(i) == Additions.BOTH) {
                                changes.add(new Change(Side.MINE, object + "/" + ADDED_BY_MINE,
                                        mineAdded.get(i), true));
                            }
                            if (additions.get(i) == Additions.THEIRS || additions.get(i) == Additions.BOTH) {
                                changes.add(new Change(Side.THEIRS, object + "/" + ADDED_BY_THEIRS,
                                        theirsAdded.get(i), true));
                            }
                        }
                        return new Scenario(base, changes);
                    });
        });
    }

    /** Both sides set or remove one member, to scalars: a type change when the member held a structure. */
    @Provide
    Arbitrary<Scenario> overlappingChanges() {
        return beans(3, 1).flatMap(base -> {
            Arbitrary<JsonValue> setOrRemove = Arbitraries.frequencyOf(Tuple.of(4, values(0)),
                    Tuple.of(1, Arbitraries.just(null)));
            return Combinators.combine(Arbitraries.of(memberPointers(base, "")), setOrRemove, setOrRemove,
                    Arbitraries.of(true, false))
                    .as((pointer, mine, theirs, same) -> new Scenario(base, List.of(
                            new Change(Side.MINE, pointer, mine, false),
                            new Change(Side.THEIRS, pointer, same ? mine : theirs, false))));
        });
    }

    /** Beans that hold at least one array, often several. */
    @Provide
    Arbitrary<JsonObject> beansWithArrays() {
        return Combinators.combine(beans(3, 0), values(0).list().ofMaxSize(3))
                .as((bean, lines) -> Json.createObjectBuilder(bean).add("lines", array(lines)).build());
    }

    @Provide
    Arbitrary<List<List<JsonValue>>> additions() {
        return values(1).list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(4);
    }

    /** Objects of at least {@code minMembers} members, nesting up to {@code depth} levels, the bean's counted. */
    private static Arbitrary<JsonObject> beans(int depth, int minMembers) {
        return Arbitraries.maps(Arbitraries.of(NAMES), values(depth - 1)).ofMinSize(minMembers).ofMaxSize(5)
                .map(members -> {
                    JsonObjectBuilder object = Json.createObjectBuilder();
                    members.forEach(object::add);
                    return object.build();
                });
    }

    private static Arbitrary<JsonValue> values(int depth) {
        Arbitrary<JsonValue> scalars = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(3).map(Json::createValue),
                Arbitraries.integers().between(-3, 3).map(Json::createValue),
                Arbitraries.bigDecimals().between(BigDecimal.valueOf(-3), BigDecimal.valueOf(3)).ofScale(1)
                        .map(Json::createValue),
                Arbitraries.of(JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonValue> objects = beans(depth, 0).map(JsonValue.class::cast);
        Arbitrary<JsonValue> arrays = values(depth - 1).list().ofMaxSize(3).map(JsonMergePropertiesTest::array);
        return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(2, objects), Tuple.of(1, arrays));
    }

    private static Change claimed(Claim claim, String pointer, JsonValue value) {
        return switch (claim) {
            case MINE_SETS -> new Change(Side.MINE, pointer, value, false);
            case THEIRS_SETS -> new Change(Side.THEIRS, pointer, value, false);
            case MINE_REMOVES -> new Change(Side.MINE, pointer, null, false);
            case THEIRS_REMOVES -> new Change(Side.THEIRS, pointer, null, false);
            case NONE -> throw new IllegalArgumentException("no change");
        };
    }

    private static JsonObject apply(JsonObject target, Change change) {
        if (change.value() == null) {
            return Json.createPointer(change.pointer()).remove(target);
        }
        return Json.createPointer(change.pointer()).add(target, change.value());
    }

    private static JsonObject appendAt(JsonObject target, String pointer, List<JsonValue> elements) {
        JsonObject result = target;
        for (JsonValue element : elements) {
            result = Json.createPointer(pointer + "/-").add(result, element);
        }
        return result;
    }

    /** Pointers of the members of {@code object}, entering nested objects, in document order. */
    private static List<String> memberPointers(JsonObject object, String pointer) {
        List<String> pointers = new ArrayList<>();
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            String child = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
            pointers.add(child);
            if (member.getValue() instanceof JsonObject nested) {
                pointers.addAll(memberPointers(nested, child));
            }
        }
        return pointers;
    }

    private static List<String> arrayPointers(JsonObject object, String pointer) {
        return memberPointers(object, pointer).stream()
                .filter(p -> Json.createPointer(p).getValue(object) instanceof JsonArray).toList();
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static int depth(String pointer) {
        return (int) pointer.chars().filter(c -> c == '/').count();
    }

    private static String topLevel(String pointer) {
        int second = pointer.indexOf('/', 1);
        return second < 0 ? pointer : pointer.substring(0, second);
    }

    private static boolean changes(JsonValue before, JsonValue after) {
        return !sameValue(before, after);
    }

    private static boolean sameValue(JsonValue a, JsonValue b) {
        return a == null || b == null ? a == b : canonical(a).equals(canonical(b));
    }

    /** Numbers with their trailing zeros stripped, so that JSON-P's equality takes 1 and 1.0 as one. */
    private static JsonValue canonical(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return Json.createValue(number.bigDecimalValue().stripTrailingZeros());
        }
        if (value instanceof JsonObject object) {
            JsonObjectBuilder canonical = Json.createObjectBuilder();
            object.forEach((name, member) -> canonical.add(name, canonical(member)));
            return canonical.build();
        }
        if (value instanceof JsonArray array) {
            return array(array.stream().map(JsonMergePropertiesTest::canonical).toList());
        }
        return value;
    }

    private static JsonArray array(List<JsonValue> elements) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        elements.forEach(array::add);
        return array.build();
    }

    private static String text(JsonValue value) {
        return value.toString();
    }

    private static JsonValue parse(String json) {
        assertFalse(json == null, "the merge removed the bean");
        return Json.createReader(new StringReader(json)).readValue();
    }
}
