package io.dysession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.dysession.internal.admin.SessionRekey;
import io.dysession.internal.crypto.SealedValues;
import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.StoreLocation;
import io.dysession.internal.store.StoredSession;
import io.dysession.internal.store.StoredSessions;
import io.dysession.internal.store.TableLayout;
import io.dysession.test.DynamoDbEmulator;
import io.dysession.test.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RekeyCommandTest {

    private static final String CART = "com.example.Cart";
    private static final String PREFERENCES = "com.example.Preferences";

    @Test
    void movesEveryValueFromTheOldKeyToTheNewAndChangesNothingElse() {
        String table = Cli.uniqueTable("rekey");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        SealedItems items = new SealedItems(table);
        for (int i = 0; i < 30; i++) {
            String session = "old-" + i;
            Map<String, AttributeValue> beans = new HashMap<>();
            beans.put(CART, items.gzipBean("old", session, CART, cart(i)));
            beans.put(PREFERENCES, items.bean("old", session, PREFERENCES, preferences(i)));
            items.put(session, beans, i % 3 == 0 ? items.login("old", session, "user-" + i) : null, 7);
        }
        // Written before encryption was turned on: text, gzip, a login map.
        for (int i = 0; i < 5; i++) {
            String session = "plain-" + i;
            items.put(session, Map.of(CART, AttributeValue.fromB(SealedItems.gzip(cart(i))),
                    PREFERENCES, AttributeValue.fromS(preferences(i))), SealedItems.plainLogin("user-" + i), 3);
        }
        for (int i = 0; i < 3; i++) {
            String session = "new-" + i;
            items.put(session, Map.of(CART, items.bean("new", session, CART, cart(i))),
                    items.login("new", session, "user-" + i), 2);
        }
        Map<String, Map<String, AttributeValue>> before = raw(table);

        Cli.Run run = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "rekeyed 35 sessions under key 'new' of 38 scanned",
                "already current: 3 (no write)",
                "skipped: 0",
                "undecryptable values: 0",
                ""), run.out().replace("\r\n", "\n"));
        assertTrue(run.err().startsWith("rekey: scanned "), run::toString);
        assertNoKeyMaterial(run);

        // The library with the new key alone, plain values refused, reads every bean and login.
        StoredSessions sessions = items.reader(true, "new");
        for (int i = 0; i < 30; i++) {
            StoredSession session = sessions.find("old-" + i).orElseThrow();
            assertEquals(Set.of(), session.unreadable(), "old-" + i);
            assertEquals(Map.of(CART, cart(i), PREFERENCES, preferences(i)), session.beans(), "old-" + i);
            if (i % 3 == 0) {
                assertEquals("user-" + i, session.login().caller(), "old-" + i);
            } else {
                assertEquals(null, session.login(), "old-" + i);
            }
        }
        for (int i = 0; i < 5; i++) {
            StoredSession session = sessions.find("plain-" + i).orElseThrow();
            assertEquals(Map.of(CART, cart(i), PREFERENCES, preferences(i)), session.beans(), "plain-" + i);
            assertEquals("user-" + i, session.login().caller(), "plain-" + i);
            assertEquals(List.of("users"), session.login().groups(), "plain-" + i);
        }
        Map<String, Map<String, AttributeValue>> after = raw(table);
        after.forEach((key, item) -> {
            item.get("beans").m().values().forEach(value -> assertEquals("new", keyId(value), key));
            Optional.ofNullable(item.get("login")).ifPresent(login -> assertEquals("new", keyId(login), key));
            // Versions, times, TTL and the caller index key stay as they were.
            Map<String, AttributeValue> rest = new HashMap<>(item);
            Map<String, AttributeValue> restBefore = new HashMap<>(before.get(key));
            for (Map<String, AttributeValue> attributes : List.of(rest, restBefore)) {
                attributes.remove("beans");
                attributes.remove("login");
            }
            assertEquals(restBefore, rest, key);
            assertEquals(before.get(key).get("beans").m().keySet(), item.get("beans").m().keySet(), key);
        });
        for (int i = 0; i < 3; i++) {
            String key = Items.digest("new-" + i);
            assertEquals(before.get(key), after.get(key), "an item already under the new key is not written");
        }

        // A second run finds every item current and writes none: sealing again would change every nonce.
        Cli.Run again = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table));
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().startsWith("rekeyed 0 sessions under key 'new' of 38 scanned\n"
                + "already current: 38 (no write)\n"), again::toString);
        assertEquals(after, raw(table));
    }

    @Test
    void aDryRunCountsAndWritesNothing() {
        String table = Cli.uniqueTable("rekey-dry");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        SealedItems items = new SealedItems(table);
        items.put("a", Map.of(CART, items.bean("old", "a", CART, cart(1))), null, 1);
        items.put("b", Map.of(CART, items.bean("new", "b", CART, cart(2))), null, 1);
        Map<String, Map<String, AttributeValue>> before = raw(table);
        Cli.Run run = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table, "--dry-run"));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("dry run: would rekey 1 sessions under key 'new' of 2 scanned; nothing was written\n"
                + "already current: 1 (no write)\nundecryptable values: 0\n", run.out().replace("\r\n", "\n"));
        assertEquals(before, raw(table));
    }

    @Test
    void theActiveKeyFlagChoosesTheKeyValuesMoveTo() {
        String table = Cli.uniqueTable("rekey-active");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        SealedItems items = new SealedItems(table);
        items.put("a", Map.of(CART, items.bean("new", "a", CART, cart(1))), null, 1);
        Cli.Run run = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table, "--active-key",
                "old", "--segments", "2"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("rekeyed 1 sessions under key 'old' of 1 scanned\n"), run::toString);
        assertEquals("old", keyId(items.item("a").get("beans").m().get(CART)));
    }

    @Test
    void anItemChangedBetweenScanAndUpdateIsSkippedAndKeepsTheChange() {
        String table = Cli.uniqueTable("rekey-race");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        SealedItems items = new SealedItems(table);
        items.put("changed", Map.of(CART, items.bean("old", "changed", CART, cart(1))), null, 4);
        items.put("still", Map.of(CART, items.bean("old", "still", CART, cart(2))), null, 4);
        AttributeValue written = items.bean("new", "changed", CART, cart(99));
        AtomicBoolean changed = new AtomicBoolean();
        // Called once the scan has read both items, before any update: a request saves one (its version moves).
        SessionRekey.Counts counts = rekey(table, 0, SealedItems.sealer("new", "old")).run(1, null, false,
                progress -> {
                    if (changed.compareAndSet(false, true)) {
                        DynamoDbEmulator.client().updateItem(b -> b.tableName(table)
                                .key(Map.of("PK", AttributeValue.fromS(Items.digest("changed"))))
                                .updateExpression("SET #beans.#cart = :cart, #ver = #ver + :one")
                                .expressionAttributeNames(Map.of("#beans", "beans", "#cart", CART, "#ver", "ver"))
                                .expressionAttributeValues(Map.of(":cart", written,
                                        ":one", AttributeValue.fromN("1"))));
                    }
                });
        assertEquals(new SessionRekey.Counts(2, 1, 0, 1, 0, null), counts);
        assertEquals(written, items.item("changed").get("beans").m().get(CART), "the request's write stands");
        assertEquals("5", items.item("changed").get("ver").n());
        assertEquals("new", keyId(items.item("still").get("beans").m().get(CART)));
        assertEquals("4", items.item("still").get("ver").n(), "rekey does not move the version");
    }

    @Test
    void undecryptableValuesAreCountedAndLeftAloneWhileTheOthersMove() {
        String table = Cli.uniqueTable("rekey-undecryptable");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        SealedItems items = new SealedItems(table);
        AttributeValue unknownKey = items.bean("gone", "s", CART, cart(1));
        // Sealed for another session: its tag does not verify here.
        AttributeValue copied = items.bean("old", "elsewhere", "com.example.Wizard", "{\"step\":2}");
        Map<String, AttributeValue> beans = Map.of(CART, unknownKey, "com.example.Wizard", copied,
                PREFERENCES, items.bean("old", "s", PREFERENCES, preferences(1)));
        items.put("s", beans, items.login("gone", "s", "alice"), 1);

        Cli.Run run = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "rekeyed 1 sessions under key 'new' of 1 scanned",
                "already current: 0 (no write)",
                "skipped: 0",
                "undecryptable values: 3 (left as they are: their key id is not in DYSESSION_ENCRYPTION_KEYS, or "
                        + "they were altered)",
                ""), run.out().replace("\r\n", "\n"));
        Map<String, AttributeValue> item = items.item("s");
        assertEquals(unknownKey, item.get("beans").m().get(CART));
        assertEquals(copied, item.get("beans").m().get("com.example.Wizard"));
        assertEquals("gone", keyId(item.get("login")));
        assertEquals("new", keyId(item.get("beans").m().get(PREFERENCES)));
        assertEquals(Map.of(PREFERENCES, preferences(1)), items.reader(true, "new").find("s").orElseThrow().beans());

        Cli.Run again = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table));
        assertTrue(again.out().startsWith("rekeyed 0 sessions under key 'new' of 1 scanned\n"
                + "already current: 1 (no write)\n"), again::toString);
    }

    @Test
    void resumesAfterTheTokenOfAnEarlierRun() {
        String table = Cli.uniqueTable("rekey-resume");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        SealedItems items = new SealedItems(table);
        for (int i = 0; i < 10; i++) {
            items.put("s-" + i, Map.of(CART, AttributeValue.fromS(cart(i))), null, 1);
        }
        // The tokens a dry run of pages of 3 gives, in order; then the keys of the first page, as the scan reads them.
        List<String> tokens = new ArrayList<>();
        SessionRekey.Counts dryRun = rekey(table, 3, SealedItems.sealer("new", "old")).run(1, null, true,
                progress -> {
                    if (progress.resumeAfter() != null && !tokens.contains(progress.resumeAfter())) {
                        tokens.add(progress.resumeAfter());
                    }
                });
        assertEquals(new SessionRekey.Counts(10, 10, 0, 0, 0, null), dryRun);
        assertEquals(3, tokens.size(), tokens::toString); // after pages of 3, 6 and 9; the fourth page is the last
        Set<String> firstPage = new TreeSet<>();
        DynamoDbEmulator.client().scan(b -> b.tableName(table).limit(3)).items()
                .forEach(item -> firstPage.add(item.get("PK").s()));

        Cli.Run run = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table,
                "--resume-after", tokens.get(0), "--page-size", "4"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("rekeyed 7 sessions under key 'new' of 7 scanned after the resume token\n"),
                run::toString);
        raw(table).forEach((key, item) -> assertEquals(firstPage.contains(key),
                item.get("beans").m().get(CART).s() != null, key));

        Cli.Run rest = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table));
        assertTrue(rest.out().startsWith("rekeyed 3 sessions under key 'new' of 10 scanned\n"), rest::toString);

        Cli.Run bad = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table,
                "--resume-after", "not.a.token"));
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("--resume-after: it is not a token rekey printed for this table (without a "
                + "sort key)."), bad::toString);
        Cli.Run parallel = Cli.run(SealedItems.environment("new", "old"), "", Cli.args("rekey", table,
                "--resume-after", tokens.get(0), "--segments", "2"));
        assertEquals(2, parallel.exitCode(), parallel::toString);
    }

    @Test
    void refusesToRunWithoutTheKeys() {
        String table = Cli.uniqueTable("rekey-no-keys");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        SealedItems items = new SealedItems(table);
        items.put("a", Map.of(CART, items.bean("old", "a", CART, cart(1))), null, 1);
        Map<String, Map<String, AttributeValue>> before = raw(table);
        Cli.Run run = Cli.run(SealedItems.environment(), "", Cli.args("rekey", table));
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().contains("rekey: rekey needs the encryption keys, and DYSESSION_ENCRYPTION_KEYS is not "
                + "set, so nothing in DynamoDB table '" + table + "'"), run::toString);
        assertEquals(before, raw(table));
    }

    @Test
    void theKeysAreReadFromTheEnvironmentOnlyAndBadOnesAreRefusedWithoutShowingThem() {
        String table = Cli.uniqueTable("rekey-bad-keys");
        Cli.Run flag = Cli.run(SealedItems.environment(), "", Cli.args("rekey", table, "--encryption-keys",
                SealedItems.keyList("new")));
        assertEquals(2, flag.exitCode(), flag::toString);
        assertTrue(flag.err().contains("dysession.encryption.keys is read from the environment variable "
                + "DYSESSION_ENCRYPTION_KEYS only, never from a flag: a flag shows the keys in the process list and "
                + "the shell history. The value given was not used (and is not shown)."), flag::toString);
        assertNoKeyMaterial(flag);

        String shortKey = "AAECAwQFBgcICQoLDA0ODw==";
        Map<String, String> environment = SealedItems.environment();
        environment.put("DYSESSION_ENCRYPTION_KEYS", "new:" + shortKey + ",old:" + SealedItems.KEYS.get("old"));
        Cli.Run run = Cli.run(environment, "", Cli.args("rekey", table));
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Invalid configuration: dysession.encryption.keys: the key 'new' is 16 bytes "
                + "long; AES-256 needs 32 bytes (44 base64 characters). Generate a key with: openssl rand -base64 32"),
                run::toString);
        assertFalse(run.toString().contains(shortKey), run::toString);
        assertNoKeyMaterial(run);

        environment.put("DYSESSION_ENCRYPTION_KEYS", SealedItems.keyList("new", "old"));
        Cli.Run active = Cli.run(environment, "", Cli.args("rekey", table, "--active-key", "other"));
        assertEquals(2, active.exitCode(), active::toString);
        assertTrue(active.err().contains("Invalid configuration: dysession.encryption.active-key=other is not an id "
                + "listed in dysession.encryption.keys (new, old)."), active::toString);
        assertNoKeyMaterial(active);

        Cli.Run help = Cli.run(environment, "", "rekey", "--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().replaceAll("\\s+", " ").contains("never a flag, which would show key material in the "
                + "process list and the shell history"), help::toString);
        assertNoKeyMaterial(help);
    }

    private static SessionRekey rekey(String table, int pageSize, SealedValues sealed) {
        TableLayout layout = new TableLayout(table, "PK", Optional.empty(), "session", "ttl", "caller-index");
        return new SessionRekey(CallPath.forTools(DynamoDbEmulator.client(),
                new StoreLocation(table, "us-east-1", DynamoDbEmulator.endpoint())), layout, "", sealed, pageSize);
    }

    static void assertNoKeyMaterial(Cli.Run run) {
        SealedItems.KEYS.values().forEach(key -> {
            assertFalse(run.toString().contains(key), run::toString);
            assertFalse(run.toString().contains(key.substring(0, 16)), run::toString);
        });
    }

    private static String keyId(AttributeValue value) {
        assertNotNull(value.b(), () -> "not binary: " + value);
        return SealedValues.keyIdOf(value.b().asByteArray());
    }

    private static Map<String, Map<String, AttributeValue>> raw(String table) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        DynamoDbEmulator.client().scan(b -> b.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.put(item.get("PK").s(), item));
        return items;
    }

    private static String cart(int i) {
        return "{\"items\":[\"book-" + i + "\",\"pen\"],\"note\":\"" + "x".repeat(i) + "\"}";
    }

    private static String preferences(int i) {
        return "{\"language\":\"fr\",\"size\":" + i + "}";
    }
}
