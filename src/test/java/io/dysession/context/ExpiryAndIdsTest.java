package io.dysession.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dysession.DySession;
import io.dysession.beans.Cart;
import io.dysession.internal.context.SessionChange.Kind;
import io.dysession.test.DynamoDbEmulator;
import io.dysession.test.EnableDySession;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.Requests.Response;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What is stored under which key, expiry on read, and ids that are never adopted. */
@EnableDySession(table = ExpiryAndIdsTest.TABLE, beans = Cart.class)
class ExpiryAndIdsTest {

    static final String TABLE = "expiry-and-ids";

    private final Items items = new Items(TABLE);

    @Inject
    Cart cart;

    @Inject
    DySession session;

    @Inject
    Requests requests;

    @Test
    void theItemIsKeyedByTheIdDigestAndHoldsTheLayout() {
        long before = System.currentTimeMillis();
        String id = requests.send(null, () -> cart.add("book")).setCookie();
        assertTrue(id.matches("[A-Za-z0-9_-]{43}"), id);

        Map<String, AttributeValue> item = items.of(id);
        assertEquals(Set.of("PK", "ttl", "created", "accessed", "ver", "beans", "bver", "wt"), item.keySet());
        assertEquals("1", item.get("bver").m().get(Cart.class.getName()).n(), "each bean counts its writes");
        assertEquals("{\"items\":[\"book\"]}", item.get("beans").m().get(Cart.class.getName()).s());
        long ttl = Long.parseLong(item.get("ttl").n());
        assertTrue(Math.abs(ttl - (before / 1000 + 30 * 60)) <= 5, "ttl is epoch seconds, 30 minutes ahead: " + ttl);
        assertTrue(Long.parseLong(item.get("created").n()) >= before, "created is epoch milliseconds");
        assertEquals("1", item.get("ver").n());
        assertTrue(DynamoDbEmulator.client().scan(b -> b.tableName(TABLE)).items().stream()
                .flatMap(i -> i.values().stream()).noneMatch(v -> id.equals(v.s())), "the raw id is stored nowhere");
    }

    @Test
    void anExpiredItemCountsAsAbsentAndItsIdIsNotAdopted() {
        String id = requests.send(null, () -> cart.add("book")).setCookie();
        long past = System.currentTimeMillis() / 1000 - 1;
        items.set(id, "ttl", AttributeValue.fromN(Long.toString(past)));
        assertFalse(items.of(id).isEmpty(), "the expired item is still stored: only the expiry check can hide it");

        Response response = requests.send(id, () -> {
            assertEquals(List.of(), cart.getItems(), "expired state is not served");
            cart.add("pen");
        });
        assertEquals(List.of("GetItem", "PutItem"), response.calls());
        assertNotNull(response.setCookie());
        assertNotEquals(id, response.setCookie(), "a fresh id, not the expired one");
    }

    @Test
    void storedStateThatNoLongerFitsTheClassStartsFreshAndIsReplaced() {
        String id = requests.send(null, () -> cart.add("book")).setCookie();
        items.setBean(id, Cart.class, "{\"items\":{\"renamed\":true}}");

        Response response = requests.send(id, () -> assertEquals(List.of(), cart.getItems()));
        assertEquals(List.of("GetItem", "UpdateItem"), response.calls(), "the unreadable state is replaced");
        assertEquals("{\"items\":[]}", items.of(id).get("beans").m().get(Cart.class.getName()).s());
    }

    @Test
    void aWellFormedUnknownIdIsNotAdopted() {
        String unknown = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Response response = requests.send(unknown, () -> cart.add("book"));
        assertEquals(List.of("GetItem", "PutItem"), response.calls());
        assertNotEquals(unknown, response.setCookie());
    }

    @Test
    void anUnknownIdThatStartsNothingIsCleared() {
        Response response = requests.send("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", cart::getItems);
        assertEquals(List.of("GetItem"), response.calls());
        assertEquals(Kind.ENDED, response.change(), "the stale cookie is cleared (Max-Age=0)");
    }

    @Test
    void aMalformedIdCostsNoDynamoDbCall() {
        for (String malformed : List.of("", "abc", "../../etc/passwd", "A".repeat(44), "A".repeat(42) + "B",
                "' OR 1=1 --AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "ÄAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            Response response = requests.send(malformed, () -> assertEquals(List.of(), cart.getItems()));
            assertEquals(List.of(), response.calls(), "no call for '" + malformed + "'");
        }
    }

    @Test
    void askingForTheIdCreatesTheSession() {
        String[] seen = new String[1];
        Response response = requests.send(null, () -> seen[0] = session.id());
        assertEquals(seen[0], response.setCookie());
        assertEquals(List.of("PutItem"), response.calls());
        Response next = requests.send(response.setCookie(), () -> assertEquals(seen[0], session.id()));
        assertEquals(List.of("GetItem"), next.calls());
    }
}
