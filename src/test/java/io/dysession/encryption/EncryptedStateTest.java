package io.dysession.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.dysession.DySessionStatistics;
import io.dysession.beans.Cart;
import io.dysession.beans.Wizard;
import io.dysession.test.Containers;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bean values sealed with dysession.encryption.keys: nothing readable in the table, delta writes
 * still delta writes, and a value that does not decrypt resets its bean (counted, one WARNING,
 * never an error), whether it names an unknown key, was copied from elsewhere, or is plain where
 * encryption is required.
 */
class EncryptedStateTest {

    private static final String TABLE = "encrypted-state";
    private static final String CART = Cart.class.getName();
    private static final String WIZARD = Wizard.class.getName();

    private final Items items = new Items(TABLE);
    private final WarningLog warnings = new WarningLog("io.dysession.internal.store.StateSeal");

    @AfterEach
    void restore() {
        warnings.close();
        TestConfig.use(TABLE);
    }

    @Test
    void beansAreStoredSealedAndReadBackWithEachWriteADeltaWrite() {
        try (Server server = new Server(Map.of("dysession.encryption.keys", TestKeys.NEW))) {
            String id = server.send(null, () -> {
                server.cart().add("marker-7f3a");
                server.wizard().setName("marker-9c2e");
            }).setCookie();
            Map<String, AttributeValue> item = items.of(id);
            for (String bean : List.of(CART, WIZARD)) {
                byte[] stored = item.get("beans").m().get(bean).b().asByteArray();
                assertEquals(1, stored[0], "format version of " + bean);
                assertEquals("new", new String(stored, 2, stored[1], StandardCharsets.US_ASCII), "key id of " + bean);
            }
            assertNoMarker(item);

            byte[] wizardBefore = item.get("beans").m().get(WIZARD).b().asByteArray();
            Requests.Response response = server.send(id, () -> server.cart().add("tea"));
            assertEquals(List.of("GetItem", "UpdateItem"), response.calls());
            Map<String, AttributeValue> after = items.of(id);
            assertArrayEquals(wizardBefore, after.get("beans").m().get(WIZARD).b().asByteArray(),
                    "the unchanged bean's sealed value is not rewritten");

            assertEquals(List.of("GetItem"), server.send(id, () -> server.cart().getItems()).calls(),
                    "a request that only reads makes one GetItem, as without encryption");
            assertEquals(List.of("marker-7f3a", "tea"), server.cartItems(id));
            assertEquals("marker-9c2e", server.wizardName(id));
            assertEquals(0, server.statistics().undecryptableValues());
            assertEquals(List.of(), warnings.messages());
        }
    }

    @Test
    void aValueCopiedToAnotherItemOrBeanResetsThatBeanOnceWithoutAnError() {
        try (Server server = new Server(Map.of("dysession.encryption.keys", TestKeys.NEW))) {
            String first = server.send(null, () -> {
                server.cart().add("tea");
                server.wizard().setName("first");
            }).setCookie();
            String second = server.send(null, () -> {
                server.cart().add("cake");
                server.wizard().setName("second");
            }).setCookie();
            AttributeValue firstCart = items.of(first).get("beans").m().get(CART);
            setBean(second, CART, firstCart);
            setBean(first, WIZARD, firstCart);

            List<String> secondCart = new ArrayList<>();
            Requests.Response read = server.send(second, () -> secondCart.addAll(server.cart().getItems()));
            assertEquals(List.of(), secondCart, "another item's value does not open here: the cart starts fresh");
            assertNull(read.setCookie(), "the session itself is kept");
            assertEquals(List.of("GetItem", "UpdateItem"), read.calls(), "its save replaces the value, once");
            assertEquals("second", server.wizardName(second), "the other bean keeps its state");
            assertEquals(1, server.statistics().undecryptableValues());
            assertEquals(1, warnings.messages().size(), () -> warnings.messages().toString());
            String warning = warnings.messages().get(0);
            assertTrue(warning.startsWith("dysession cannot decrypt bean " + CART + " of session "
                    + Items.digest(second).substring(0, 12) + "… in " + TABLE + " (key id new): its authentication tag"
                    + " does not verify"), warning);
            assertFalse(warning.contains(Items.digest(second)) || warning.contains(second), "no id, no whole digest");
            assertEquals(List.of(), server.cartItems(second), "read again: no second warning");
            assertEquals(1, server.statistics().undecryptableValues());

            assertEquals("", server.wizardName(first) == null ? "" : server.wizardName(first),
                    "another bean's value does not open in this bean's place");
            assertEquals(List.of("tea"), server.cartItems(first));
            assertEquals(2, server.statistics().undecryptableValues());
        }
    }

    @Test
    void plainValuesAreReadAndSealedAtTheirNextWrite() {
        String id;
        try (Server plain = new Server(Map.of())) {
            id = plain.send(null, () -> plain.cart().add("tea")).setCookie();
        }
        assertEquals("{\"items\":[\"tea\"]}", items.of(id).get("beans").m().get(CART).s());
        try (Server server = new Server(Map.of("dysession.encryption.keys", TestKeys.NEW))) {
            assertEquals(List.of("tea"), server.cartItems(id), "a plain value is read as before");
            assertNotNull(items.of(id).get("beans").m().get(CART).s(), "reading writes nothing");
            server.send(id, () -> server.cart().add("cake"));
            byte[] sealed = items.of(id).get("beans").m().get(CART).b().asByteArray();
            assertEquals(1, sealed[0], "sealed at its next write");
            assertEquals(List.of("tea", "cake"), server.cartItems(id));
            assertEquals(0, server.statistics().undecryptableValues());
        }
    }

    @Test
    void compressedValuesAreSealedAfterCompressionAndPlainCompressedOnesStillRead() {
        String id;
        try (Server plain = new Server(Map.of("dysession.compression-threshold", "0"))) {
            id = plain.send(null, () -> plain.cart().add("tea")).setCookie();
        }
        byte[] gzip = items.of(id).get("beans").m().get(CART).b().asByteArray();
        assertEquals(0x1f, gzip[0] & 0xff, "a plain compressed value is gzip");
        try (Server server = new Server(Map.of("dysession.encryption.keys", TestKeys.NEW,
                "dysession.compression-threshold", "0"))) {
            assertEquals(List.of("tea"), server.cartItems(id), "a plain gzip value is read as before");
            server.send(id, () -> server.cart().add("cake"));
            byte[] sealed = items.of(id).get("beans").m().get(CART).b().asByteArray();
            assertEquals(1, sealed[0], "sealed");
            byte[] opened = new io.dysession.internal.crypto.SealedValues(TestKeys.ring(TestKeys.NEW)).open(sealed,
                    io.dysession.internal.crypto.ValuePlace.bean(TABLE, Items.digest(id), CART));
            assertEquals(0x1f, opened[0] & 0xff, "what was sealed is the gzip of the JSON");
            assertEquals(List.of("tea", "cake"), server.cartItems(id));
            assertEquals(0, server.statistics().undecryptableValues());
        } catch (io.dysession.internal.crypto.UndecryptableValueException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void requiredEncryptionTreatsPlainValuesAsUndecryptable() {
        String id;
        try (Server plain = new Server(Map.of())) {
            id = plain.send(null, () -> plain.cart().add("tea")).setCookie();
        }
        try (Server server = new Server(Map.of("dysession.encryption.keys", TestKeys.NEW,
                "dysession.encryption.required", "true"))) {
            assertEquals(List.of(), server.cartItems(id), "a plain value resets the bean");
            assertEquals(1, server.statistics().undecryptableValues());
            assertTrue(warnings.messages().get(0).contains("(key id (none)): it is not encrypted, and "
                    + "dysession.encryption.required=true"), warnings.messages().toString());
            assertEquals(1, items.of(id).get("beans").m().get(CART).b().asByteArray()[0], "replaced, sealed");
        }
    }

    @Test
    void aNewKeyFirstReadsTheOldKeysValuesAndRemovingTheOldKeyResetsOnlyWhatItSealed() {
        String id;
        try (Server old = new Server(Map.of("dysession.encryption.keys", TestKeys.OLD))) {
            id = old.send(null, () -> {
                old.cart().add("tea");
                old.wizard().setName("under old");
            }).setCookie();
        }
        try (Server both = new Server(Map.of("dysession.encryption.keys", TestKeys.NEW + "," + TestKeys.OLD))) {
            assertEquals(List.of("tea"), both.cartItems(id), "new,old reads what old sealed");
            both.send(id, () -> both.cart().add("cake"));
            assertEquals("new", keyIdOf(items.of(id).get("beans").m().get(CART)), "written under the active key");
            assertEquals("old", keyIdOf(items.of(id).get("beans").m().get(WIZARD)), "left as it was");
        }
        try (Server newOnly = new Server(Map.of("dysession.encryption.keys", TestKeys.NEW))) {
            assertEquals(List.of("tea", "cake"), newOnly.cartItems(id));
            assertNull(newOnly.wizardName(id), "the bean sealed under the removed key starts fresh");
            assertEquals(1, newOnly.statistics().undecryptableValues());
            assertTrue(warnings.messages().get(0).contains("(key id old): its key id is not in "
                    + "dysession.encryption.keys"), warnings.messages().toString());
        }
        try (Server off = new Server(Map.of())) {
            assertEquals(List.of(), off.cartItems(id), "without keys an encrypted value resets too, no error");
            assertTrue(warnings.messages().get(1).contains("it is encrypted, but dysession.encryption.keys is not set"),
                    warnings.messages().toString());
        }
    }

    private void setBean(String id, String bean, AttributeValue value) {
        io.dysession.test.DynamoDbEmulator.client().updateItem(b -> b.tableName(TABLE)
                .key(Map.of("PK", AttributeValue.fromS(Items.digest(id))))
                .updateExpression("SET #beans.#bean = :v")
                .expressionAttributeNames(Map.of("#beans", "beans", "#bean", bean))
                .expressionAttributeValues(Map.of(":v", value)));
    }

    private static String keyIdOf(AttributeValue value) {
        byte[] stored = value.b().asByteArray();
        return new String(stored, 2, stored[1], StandardCharsets.US_ASCII);
    }

    static void assertNoMarker(Map<String, AttributeValue> item) {
        String shown = item.toString();
        StringBuilder bytes = new StringBuilder();
        item.get("beans").m().values().forEach(value -> bytes.append(value.b() == null ? value.s()
                : new String(value.b().asByteArray(), StandardCharsets.ISO_8859_1)));
        for (String marker : List.of("marker", "7f3a", "9c2e")) {
            assertFalse(shown.contains(marker), () -> "readable in the item: " + shown);
            assertFalse(bytes.toString().contains(marker), "readable in a stored value");
        }
        assertFalse(shown.contains(SdkBytes.fromUtf8String("marker").asUtf8String() + "-"));
    }

    /** One server: a CDI container with its own configuration on the test table. */
    private static final class Server implements AutoCloseable {

        private final SeContainer container;
        private final Requests requests;

        Server(Map<String, String> settings) {
            TestConfig.use(TABLE, settings);
            container = Containers.start(Cart.class, Wizard.class);
            requests = new Requests(container.getBeanManager());
        }

        Requests.Response send(String id, Runnable work) {
            return requests.send(id, work);
        }

        Cart cart() {
            return container.select(Cart.class).get();
        }

        Wizard wizard() {
            return container.select(Wizard.class).get();
        }

        DySessionStatistics statistics() {
            return container.select(DySessionStatistics.class).get();
        }

        List<String> cartItems(String id) {
            List<String> seen = new ArrayList<>();
            requests.send(id, () -> seen.addAll(cart().getItems()));
            return seen;
        }

        String wizardName(String id) {
            String[] name = new String[1];
            requests.send(id, () -> name[0] = wizard().getName());
            return name[0];
        }

        @Override
        public void close() {
            container.close();
        }
    }
}
