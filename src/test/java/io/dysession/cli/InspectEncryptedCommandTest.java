package io.dysession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code inspect} of sessions whose values are encrypted: decrypted with the keys, or named unreadable. */
class InspectEncryptedCommandTest {

    private static final String ID = "q1Zk8TqSg0xXyn5gH1fXk2m2V6aB3cD4eF5gH6iJ7kA";

    @Test
    void decryptsWithTheKeysAndNamesTheBeansWhoseKeyIsMissing() {
        String table = Cli.uniqueTable("inspect-encrypted");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        SealedItems items = new SealedItems(table);
        items.put(ID, Map.of("com.example.Cart", items.gzipBean("old", ID, "com.example.Cart", "{\"items\":[\"tea\"]}"),
                "com.example.Preferences", items.bean("new", ID, "com.example.Preferences", "{\"language\":\"fr\"}")),
                items.login("old", ID, "alice"), 2);

        Cli.Run both = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("inspect", table, ID));
        assertEquals(0, both.exitCode(), both::toString);
        String out = both.out().replace("\r\n", "\n");
        assertTrue(out.contains("    \"com.example.Cart\": {\n      \"items\": [\n        \"tea\"\n      ]\n    },\n"
                + "    \"com.example.Preferences\": {\n      \"language\": \"fr\"\n    }\n  }\n}\n"), both::toString);
        assertFalse(out.contains("unreadable"), both::toString);
        assertEquals("", both.err());

        Cli.Run newOnly = Cli.run(SealedItems.environment("new"), "", Cli.args("inspect", table, ID));
        assertEquals(0, newOnly.exitCode(), newOnly::toString);
        String partial = newOnly.out().replace("\r\n", "\n");
        assertTrue(partial.contains("  \"beans\": {\n    \"com.example.Preferences\": {\n      \"language\": \"fr\"\n"
                + "    }\n  },\n  \"unreadable\": [\n    \"com.example.Cart\"\n  ]\n}"), newOnly::toString);
        assertTrue(newOnly.err().contains("inspect: 1 bean value(s) of this session do not decrypt or decode, so they "
                + "are listed under \"unreadable\" without their state: com.example.Cart. Their key id is not in "
                + "DYSESSION_ENCRYPTION_KEYS, or the value was altered"), newOnly::toString);
        RekeyCommandTest.assertNoKeyMaterial(newOnly);

        Cli.Run none = Cli.run(Cli.args("inspect", table, ID));
        assertEquals(0, none.exitCode(), none::toString);
        assertTrue(none.out().contains("\"beans\": {},"), none::toString);
        assertTrue(none.err().contains("com.example.Cart, com.example.Preferences. They are encrypted, and "
                + "DYSESSION_ENCRYPTION_KEYS is not set"), none::toString);
    }
}
