package io.dysession.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import io.dysession.DySession;
import io.dysession.beans.Cart;
import io.dysession.test.Containers;
import io.dysession.test.DynamoDbCalls;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.Requests.Response;
import io.dysession.test.TestConfig;

/**
 * {@link io.dysession.beans.Cart} renamed to {@link RenamedCart}, whose {@code @DySessionName} lists
 * the old class name as an alias: one deployment writes the session, the next reads and moves it.
 */
class RenameTest {

    private static final String TABLE = "names";
    private static final String OLD = Cart.class.getName();

    private final Items items = new Items(TABLE);

    @BeforeAll
    static void configure() {
        TestConfig.use(TABLE);
    }

    @Test
    void aRenameThroughAnAliasKeepsTheStateAndMovesItsKeyInTheSameWrite() {
        String id = oldSession("book");
        try (Server renamed = new Server(RenamedCart.class)) {
            RenamedCart cart = renamed.bean(RenamedCart.class);
            Response response = renamed.requests.send(id, () -> {
                assertEquals(List.of("book"), cart.getItems(), "read from the old class name");
                cart.add("pen");
            });
            assertEquals(List.of("GetItem", "UpdateItem"), response.calls(), "set and remove in one UpdateItem");
            UpdateItemRequest update = (UpdateItemRequest) DynamoDbCalls.requests().get(1);
            String alias = update.expressionAttributeNames().entrySet().stream()
                    .filter(name -> name.getValue().equals(OLD)).findFirst().orElseThrow().getKey();
            assertTrue(update.updateExpression().endsWith(" REMOVE #beans." + alias), update.updateExpression());
            assertTrue(update.conditionExpression().contains("#bver." + alias + " = :v" + alias.substring(1)),
                    "the alias's version is checked, so that a change meanwhile is merged: "
                    + update.conditionExpression());
            assertEquals(Map.of("cart", AttributeValue.fromS("{\"items\":[\"book\",\"pen\"]}")), beans(id),
                    "the old key is gone, the state is under the new one");
            assertEquals(AttributeValue.fromN("1"), versions(id).get("cart"), "the first write under the new key");
            renamed.requests.send(id, () -> assertEquals(List.of("book", "pen"), cart.getItems()));
        }
    }

    @Test
    void aRequestThatOnlyReadsTheBeanLeavesTheAliasInPlace() {
        String id = oldSession("book");
        try (Server renamed = new Server(RenamedCart.class)) {
            RenamedCart cart = renamed.bean(RenamedCart.class);
            Response response = renamed.requests.send(id, () -> assertEquals(List.of("book"), cart.getItems()));
            assertEquals(List.of("GetItem"), response.calls());
            assertEquals(Map.of(OLD, AttributeValue.fromS("{\"items\":[\"book\"]}")), beans(id));
        }
    }

    @Test
    void theNewKeyWinsWhenBothAreStored() {
        String id = oldSession("old");
        items.setBean(id, "cart", "{\"items\":[\"new\"]}");
        try (Server renamed = new Server(RenamedCart.class)) {
            RenamedCart cart = renamed.bean(RenamedCart.class);
            renamed.requests.send(id, () -> {
                assertEquals(List.of("new"), cart.getItems());
                cart.add("pen");
            });
            assertEquals(AttributeValue.fromS("{\"items\":[\"new\",\"pen\"]}"), beans(id).get("cart"));
        }
    }

    @Test
    void aBeanDestroyedWithoutUseLosesTheStateStoredUnderItsAlias() {
        String id = oldSession("book");
        try (Server renamed = new Server(RenamedCart.class)) {
            RenamedCart cart = renamed.bean(RenamedCart.class);
            renamed.requests.send(id, () -> renamed.container.select(RenamedCart.class).destroy(cart));
            assertEquals(Map.of(), beans(id));
            renamed.requests.send(id, () -> assertEquals(List.of(), cart.getItems()));
        }
    }

    @Test
    void aBeanReadFromItsAliasDestroyedAndUsedAgainStartsFreshUnderTheNewKey() {
        String id = oldSession("book");
        try (Server renamed = new Server(RenamedCart.class)) {
            RenamedCart cart = renamed.bean(RenamedCart.class);
            renamed.requests.send(id, () -> {
                assertEquals(List.of("book"), cart.getItems());
                renamed.container.select(RenamedCart.class).destroy(cart);
                assertEquals(List.of(), cart.getItems());
                cart.add("pen");
            });
            assertEquals(Map.of("cart", AttributeValue.fromS("{\"items\":[\"pen\"]}")), beans(id));
        }
    }

    @Test
    void aRotatedSessionCarriesTheMovedStateWithoutTheAlias() {
        String id = oldSession("book");
        try (Server renamed = new Server(RenamedCart.class)) {
            RenamedCart cart = renamed.bean(RenamedCart.class);
            DySession session = renamed.bean(DySession.class);
            String rotated = renamed.requests.send(id, () -> {
                cart.add("pen");
                session.rotateId();
            }).setCookie();
            assertTrue(items.of(id).isEmpty(), "the old id's item is gone");
            assertEquals(Map.of("cart", AttributeValue.fromS("{\"items\":[\"book\",\"pen\"]}")), beans(rotated));
        }
    }

    @Test
    void aBeanWithoutTheAnnotationIsStoredUnderItsClassNameAsBefore() {
        String id = oldSession("book");
        assertEquals(Map.of(OLD, AttributeValue.fromS("{\"items\":[\"book\"]}")), beans(id));
        assertEquals(Map.of(OLD, AttributeValue.fromN("1")), versions(id));
    }

    /** A session written by the deployment before the rename: its cart under the old class name. */
    private static String oldSession(String item) {
        try (Server old = new Server(Cart.class)) {
            Cart cart = old.bean(Cart.class);
            return old.requests.send(null, () -> cart.add(item)).setCookie();
        }
    }

    private Map<String, AttributeValue> beans(String id) {
        return items.of(id).get("beans").m();
    }

    private Map<String, AttributeValue> versions(String id) {
        return items.of(id).get("bver").m();
    }

    private static final class Server implements AutoCloseable {
        final SeContainer container;
        final Requests requests;

        Server(Class<?>... beanClasses) {
            container = Containers.start(beanClasses);
            requests = new Requests(container.getBeanManager());
        }

        <T> T bean(Class<T> type) {
            return container.select(type).get();
        }

        @Override
        public void close() {
            container.close();
        }
    }
}
