package io.dysession.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.dysession.DySessionStatistics;
import io.dysession.beans.Cart;
import io.dysession.beans.Wizard;
import io.dysession.test.Containers;
import io.dysession.test.DynamoDbEmulator;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item that does not fit the layout (written by hand, by another tool, or damaged) is no
 * session: the request gets a fresh session with a fresh id, one warning names the attribute,
 * other sessions are untouched, and the item itself is neither adopted nor written to.
 */
class CorruptItemsTest {

    private static final String TABLE = "corrupt-items";

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger storeLog = Logger.getLogger("io.dysession.internal.store.SessionStore");

    @BeforeEach
    void captureWarnings() {
        storeLog.addHandler(capture);
        TestConfig.use(TABLE);
    }

    @AfterEach
    void releaseWarnings() {
        storeLog.removeHandler(capture);
    }

    /** A damaged attribute, and the words the warning must use for it. */
    record Damage(String attribute, AttributeValue value, String described) {

        @Override
        public String toString() {
            return attribute + " = " + value;
        }
    }

    static List<Damage> damages() {
        return List.of(
                new Damage("beans", AttributeValue.fromS("not a map"), "attribute 'beans' is not a map (M) but S"),
                new Damage("ver", AttributeValue.fromS("7"), "attribute 'ver' is not a number (N) but S"),
                new Damage("ver", null, "attribute 'ver' is missing"),
                new Damage("bver", AttributeValue.fromL(List.of()), "attribute 'bver' is not a map (M) but L"),
                new Damage("created", AttributeValue.fromBool(true), "attribute 'created' is not a number (N) but BOOL"),
                new Damage("ttl", AttributeValue.fromN("1.5e3"), "attribute 'ttl' is not a whole number: 1.5e3"));
    }

    @ParameterizedTest
    @MethodSource("damages")
    void anItemThatDoesNotFitIsNoSessionAndNeverTouched(Damage damage) {
        try (SeContainer container = Containers.start(Cart.class, Wizard.class)) {
            Requests requests = new Requests(container.getBeanManager());
            Cart cart = container.select(Cart.class).get();
            DySessionStatistics statistics = container.select(DySessionStatistics.class).get();
            String damaged = requests.send(null, () -> cart.add("tea")).setCookie();
            String healthy = requests.send(null, () -> cart.add("cake")).setCookie();
            Items items = new Items(TABLE);
            damage(damaged, damage);
            Map<String, AttributeValue> before = items.of(damaged);

            List<List<String>> seen = new ArrayList<>();
            Requests.Response response = requests.send(damaged, () -> {
                seen.add(List.copyOf(cart.getItems()));
                cart.add("coffee");
            });

            assertEquals(List.of(List.of()), seen, "a fresh cart, not the damaged one's");
            assertNotNull(response.setCookie(), "a fresh session with a fresh id");
            assertNotEquals(damaged, response.setCookie());
            assertEquals(List.of("GetItem", "PutItem"), response.calls(), "the damaged item is not written to");
            assertEquals(before, items.of(damaged), "the damaged item is left as it was");
            assertEquals(1, statistics.corruptItems());
            assertEquals(1, warnings.size(), () -> warnings.toString());
            String warning = warnings.get(0).getMessage();
            assertTrue(warning.contains(damage.described()), warning);
            assertTrue(warning.contains(Items.digest(damaged).substring(0, 12)), "names the digest prefix: " + warning);
            assertTrue(!warning.contains(damaged) && !warning.contains(Items.digest(damaged)),
                    "never the id nor the whole digest: " + warning);

            List<List<String>> other = new ArrayList<>();
            requests.send(healthy, () -> other.add(List.copyOf(cart.getItems())));
            assertEquals(List.of(List.of("cake")), other, "other sessions are untouched");
            List<List<String>> fresh = new ArrayList<>();
            requests.send(response.setCookie(), () -> fresh.add(List.copyOf(cart.getItems())));
            assertEquals(List.of(List.of("coffee")), fresh, "the new session keeps its state");
        }
    }

    @Test
    void oneUndecodableBeanResetsOnlyThatBean() {
        try (SeContainer container = Containers.start(Cart.class, Wizard.class)) {
            Requests requests = new Requests(container.getBeanManager());
            Cart cart = container.select(Cart.class).get();
            Wizard wizard = container.select(Wizard.class).get();
            String id = requests.send(null, () -> {
                cart.add("tea");
                wizard.setStep(3);
            }).setCookie();
            int step = stepOf(requests, id, wizard);
            DynamoDbEmulator.client().updateItem(b -> b.tableName(TABLE)
                    .key(Map.of("PK", AttributeValue.fromS(Items.digest(id))))
                    .updateExpression("SET beans.#bean = :garbage")
                    .expressionAttributeNames(Map.of("#bean", Cart.class.getName()))
                    .expressionAttributeValues(Map.of(":garbage",
                            AttributeValue.fromB(SdkBytes.fromUtf8String("not gzip")))));

            List<List<String>> seen = new ArrayList<>();
            Requests.Response response = requests.send(id, () -> seen.add(List.copyOf(cart.getItems())));

            assertEquals(List.of(List.of()), seen, "the undecodable bean starts fresh");
            assertEquals(null, response.setCookie(), "the session is kept");
            assertEquals(step, stepOf(requests, id, wizard), "the other bean keeps its state");
            assertEquals(0, container.select(DySessionStatistics.class).get().corruptItems());
        }
    }

    private static int stepOf(Requests requests, String id, Wizard wizard) {
        int[] step = new int[1];
        requests.send(id, () -> step[0] = wizard.getStep());
        return step[0];
    }

    private static void damage(String id, Damage damage) {
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS(Items.digest(id)));
        if (damage.value() == null) {
            DynamoDbEmulator.client().updateItem(b -> b.tableName(TABLE).key(key).updateExpression("REMOVE #a")
                    .expressionAttributeNames(Map.of("#a", damage.attribute())));
        } else {
            new Items(TABLE).set(id, damage.attribute(), damage.value());
        }
    }
}
