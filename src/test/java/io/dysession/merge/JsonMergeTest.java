package io.dysession.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dysession.internal.merge.JsonMerge;
import io.dysession.internal.merge.Merged;

/**
 * One row per rule of the three-way merge: base (loaded), mine (to write), theirs (stored now), and the
 * expected JSON and conflict paths. Single quotes stand for double quotes, to keep the rows readable.
 */
class JsonMergeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
        # changes on one side only, or on both sides at different paths, are kept
        disjoint property changes kept         | {'a':1,'b':1}             | {'a':2,'b':1}             | {'a':1,'b':3}             | {'a':2,'b':3}
        nobody changed anything                | {'a':1}                   | {'a':1}                   | {'a':1}                   | {'a':1}
        only theirs changed                    | {'a':1}                   | {'a':1}                   | {'a':2}                   | {'a':2}
        nested objects recurse                 | {'p':{'x':1,'y':1},'q':0} | {'p':{'x':2,'y':1},'q':0} | {'p':{'x':1,'y':3},'q':0} | {'p':{'x':2,'y':3},'q':0}
        deeply nested objects recurse          | {'p':{'r':{'x':1,'y':1}}} | {'p':{'r':{'x':2,'y':1}}} | {'p':{'r':{'x':1,'y':3}}} | {'p':{'r':{'x':2,'y':3}}}
        map key added on each side             | {'m':{'k':1}}             | {'m':{'k':1,'mine':2}}    | {'m':{'k':1,'theirs':3}}  | {'m':{'k':1,'mine':2,'theirs':3}}
        member only theirs added goes last     | {'a':1}                   | {'z':0,'a':2}             | {'b':9,'a':1}             | {'z':0,'a':2,'b':9}
        member removed by mine stays removed   | {'a':1,'b':1}             | {'a':1}                   | {'a':1,'b':1,'c':3}       | {'a':1,'c':3}
        member removed by theirs stays removed | {'a':1,'b':1}             | {'a':1,'b':2}             | {'b':1}                   | {'b':2}
        null is a value, not an absence        | {'a':1,'b':null}          | {'a':2,'b':null}          | {'a':1}                   | {'a':2}
        # arrays
        appends on both sides (a cart) | {'cart':['a']}    | {'cart':['a','b']}      | {'cart':['a','c']}        | {'cart':['a','c','b']}
        appends to an empty array      | {'cart':[]}       | {'cart':['b','d']}      | {'cart':['c']}            | {'cart':['c','b','d']}
        equal appends are both kept    | {'cart':['a']}    | {'cart':['a','b']}      | {'cart':['a','b']}        | {'cart':['a','b','b']}
        array changed by mine only     | {'l':[1,2],'n':0} | {'l':[2,1],'n':0}       | {'l':[1,2],'n':1}         | {'l':[2,1],'n':1}
        array changed by theirs only   | {'l':[1,2],'n':0} | {'l':[1,2],'n':1}       | {'l':[],'n':0}            | {'l':[],'n':1}
        arrays of objects append       | {'l':[{'x':1}]}   | {'l':[{'x':1},{'x':2}]} | {'l':[{'x':1.0},{'x':3}]} | {'l':[{'x':1},{'x':3},{'x':2}]}
        # numbers compare by value
        1 to 1.0 is no change, on mine      | {'a':1,'b':0}       | {'a':1.0,'b':3}       | {'a':2,'b':0}       | {'a':2,'b':3}
        1 to 1.0 is no change, on theirs    | {'a':1,'b':0}       | {'a':2,'b':0}         | {'a':1.0,'b':3}     | {'a':2,'b':3}
        mine's 1.0 kept when both are equal | {'a':1,'b':0,'c':0} | {'a':1.0,'b':3,'c':0} | {'a':1,'b':0,'c':4} | {'a':1.0,'b':3,'c':4}
        only 1.0 on mine, mine is unchanged | {'a':1,'b':0}       | {'a':1.0,'b':0}       | {'a':1,'b':2}       | {'a':1,'b':2}
        member order does not make a change | {'a':1,'b':1,'c':0} | {'b':1,'a':1,'c':0}   | {'a':1,'b':1,'c':5} | {'a':1,'b':1,'c':5}
        mine's member order is kept         | {'a':1,'b':1,'c':0} | {'b':2,'a':1,'c':0}   | {'a':1,'b':1,'c':5} | {'b':2,'a':1,'c':5}
        # beans that were absent on a side
        created here only | NONE | {'a':1} | NONE | {'a':1}
        """)
    void mergesWithoutConflict(String rule, String base, String mine, String theirs, String expected) {
        Merged merged = JsonMerge.merge(json(base), json(mine), json(theirs));
        assertEquals(json(expected), merged.json(), rule);
        assertEquals(List.of(), merged.conflicts(), rule);
        assertFalse(merged.conflicted(), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
        # any other path changed by both sides: a conflict, with mine's value
        increment both from 5 to 6         | {'count':5}         | {'count':6}         | {'count':6}         | {'count':6}         | /count
        different scalar changes           | {'a':1,'b':1}       | {'a':2,'b':1}       | {'a':3,'b':4}       | {'a':2,'b':4}       | /a
        the same string on both sides      | {'s':'x'}           | {'s':'y'}           | {'s':'y'}           | {'s':'y'}           | /s
        nested conflict next to a merge    | {'p':{'x':1,'y':1}} | {'p':{'x':2,'y':2}} | {'p':{'x':3,'y':1}} | {'p':{'x':2,'y':2}} | /p/x
        conflicts in document order        | {'a':0,'b':0,'c':0} | {'c':1,'a':1,'b':0} | {'a':2,'b':0,'c':2} | {'c':1,'a':1,'b':0} | /c,/a
        member added on both sides         | {}                  | {'a':1}             | {'a':2}             | {'a':1}             | /a
        object member added on both sides  | {}                  | {'o':{'x':1}}       | {'o':{'y':2}}       | {'o':{'x':1}}       | /o
        removed by mine, changed by theirs | {'a':1,'b':0}       | {'b':0}             | {'a':2,'b':0}       | {'b':0}             | /a
        changed by mine, removed by theirs | {'a':1,'b':0}       | {'a':2,'b':0}       | {'b':0}             | {'a':2,'b':0}       | /a
        removed by both                    | {'a':1,'b':0}       | {'b':0}             | {'b':0}             | {'b':0}             | /a
        # arrays changed by both, other than appends
        reordered by mine, appended by theirs    | {'l':[1,2]}           | {'l':[2,1]}           | {'l':[1,2,3]}         | {'l':[2,1]}           | /l
        removed from by mine, appended by theirs | {'l':[1,2]}           | {'l':[1]}             | {'l':[1,2,3]}         | {'l':[1]}             | /l
        appended by mine, changed by theirs      | {'l':[1,2]}           | {'l':[1,2,3]}         | {'l':[1,9]}           | {'l':[1,2,3]}         | /l
        element object changed on both sides     | {'l':[{'x':1,'y':1}]} | {'l':[{'x':2,'y':1}]} | {'l':[{'x':1,'y':2}]} | {'l':[{'x':2,'y':1}]} | /l
        # types differing
        object against scalar | {'v':{'x':1}} | {'v':{'x':2}} | {'v':7}       | {'v':{'x':2}} | /v
        array against object  | {'v':[1]}     | {'v':[1,2]}   | {'v':{'x':1}} | {'v':[1,2]}   | /v
        scalar against array  | {'v':'s'}     | {'v':3}       | {'v':['s']}   | {'v':3}       | /v
        number against string | {'v':1}       | {'v':2}       | {'v':'2'}     | {'v':2}       | /v
        # whole beans
        created on both sides              | NONE    | {'a':1} | {'a':1} | {'a':1} | ""
        removed by theirs, changed by mine | {'a':1} | {'a':2} | NONE    | {'a':2} | ""
        # RFC 6901 escaping of member names
        slash in a member name | {'a/b':1}       | {'a/b':2}       | {'a/b':3}       | {'a/b':2}       | /a~1b
        tilde in a member name | {'m~n':{'k':1}} | {'m~n':{'k':2}} | {'m~n':{'k':3}} | {'m~n':{'k':2}} | /m~0n/k
        tilde and slash        | {'~/':1}        | {'~/':2}        | {'~/':3}        | {'~/':2}        | /~0~1
        """)
    void reportsConflictsWithMineTaken(String rule, String base, String mine, String theirs, String expected,
                                       String conflicts) {
        Merged merged = JsonMerge.merge(json(base), json(mine), json(theirs));
        assertEquals(json(expected), merged.json(), rule);
        assertEquals(List.of(conflicts.split(",", -1)), merged.conflicts(), rule);
        assertTrue(merged.conflicted(), rule);
    }

    @Test
    void mineUnchangedAndTheirsPresentGivesTheirs() {
        Merged merged = JsonMerge.merge(json("{'a':1}"), json("{'a':1}"), json("{'a':2,'b':[]}"));
        assertEquals(json("{'a':2,'b':[]}"), merged.json());
        assertFalse(merged.conflicted());
    }

    @Test
    void mineUnchangedAndRemovedByTheirsStaysRemoved() {
        Merged merged = JsonMerge.merge(json("{'a':1}"), json("{'a':1}"), null);
        assertNull(merged.json());
        assertFalse(merged.conflicted());
    }

    @Test
    void aSideTakenWholeKeepsItsText() {
        String mine = "{ \"a\" : 1.50 }";
        assertEquals(mine, JsonMerge.merge("{\"a\":1}", mine, "{\"a\":1}").json());
    }

    @Test
    void mergedTextIsCompactAndKeepsNumbersAsWritten() {
        Merged merged = JsonMerge.merge(json("{'a':1,'b':1}"), "{ \"a\" : 2.50,\n \"b\" : 1 }", json("{'a':1,'b':1E+3}"));
        assertEquals("{\"a\":2.50,\"b\":1E+3}", merged.json());
    }

    /**
     * The location is the JSON-P provider's: Parsson gives the column of the character that breaks
     * the text, johnzon-core (TomEE's) the column after it.
     */
    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        base   | 6 | {'a':}  | {'a':1} | {'a':1}
        mine   | 7 | {'a':1} | {'a':1] | {'a':1}
        theirs | 1 | {'a':1} | {'a':1} | x
        theirs | 9 | {'a':1} | {'a':1} | {'a':1} x
        """)
    void invalidJsonNamesTheSideAndWhere(String side, int column, String base, String mine, String theirs) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> JsonMerge.merge(json(base), json(mine), json(theirs)));
        int shift = Json.createParserFactory(Map.of()).getClass().getName().startsWith("org.apache.johnzon.") ? 1 : 0;
        assertEquals(side + " is not JSON: error at line 1, column " + (column + shift), invalid.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \n "})
    void anEmptySideIsNotJsonWithoutALocation(String empty) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> JsonMerge.merge("{}", "{}", empty));
        assertEquals("theirs is not JSON: the text is empty", invalid.getMessage());
    }

    private static String json(String singleQuoted) {
        return singleQuoted == null ? null : singleQuoted.replace('\'', '"');
    }
}
