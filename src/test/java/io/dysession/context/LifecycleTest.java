package io.dysession.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dysession.DySession;
import io.dysession.beans.AuditLog;
import io.dysession.beans.Cart;
import io.dysession.beans.SessionEventLog;
import io.dysession.beans.Visit;
import io.dysession.internal.context.SessionChange.Kind;
import io.dysession.test.EnableDySession;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.Requests.Response;
import io.dysession.DySessionConflictException;
import io.dysession.test.DynamoDbCalls;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DySession handle: invalidate, rotate, timeouts, lifecycle events, and no resurrection. */
@EnableDySession(table = LifecycleTest.TABLE,
        beans = {Cart.class, Visit.class, AuditLog.class, SessionEventLog.class})
class LifecycleTest {

    static final String TABLE = "lifecycle";

    @Inject
    Cart cart;

    @Inject
    Visit visit;

    @Inject
    DySession session;

    @Inject
    AuditLog auditLog;

    @Inject
    SessionEventLog eventLog;

    @Inject
    Requests requests;

    private final Items items = new Items(TABLE);

    @Test
    void invalidateRunsPreDestroyDeletesTheItemAndClearsTheCookie() {
        String id = requests.send(null, () -> visit.setPages(3)).setCookie();
        String handle = Items.digest(id);
        assertEquals(List.of("initialized:" + handle), eventLog.events());

        Response ended = requests.send(id, () -> {
            assertEquals(3, visit.getPages());
            session.invalidate();
        });
        assertEquals(Kind.ENDED, ended.change());
        assertEquals(List.of("GetItem", "DeleteItem"), ended.calls());
        assertEquals(List.of("visit ended after 3 pages"), auditLog.entries());
        assertEquals(List.of("initialized:" + handle, "beforeDestroyed:" + handle, "destroyed:" + handle),
                eventLog.events());
        assertTrue(items.of(id).isEmpty(), "the item is deleted");

        Response after = requests.send(id, () -> assertEquals(0, visit.getPages()));
        assertNull(after.setCookie(), "the ended id is not adopted, and nothing changed: no new session");
    }

    @Test
    void beansUsedAfterInvalidateStartANewSessionWithANewId() {
        String id = requests.send(null, () -> cart.add("book")).setCookie();
        Response response = requests.send(id, () -> {
            session.invalidate();
            assertEquals(List.of(), cart.getItems());
            cart.add("pen");
        });
        assertEquals(Kind.STARTED, response.change());
        assertEquals(List.of("GetItem", "DeleteItem", "PutItem"), response.calls());
        assertNotEquals(id, response.setCookie());
        requests.send(response.setCookie(), () -> assertEquals(List.of("pen"), cart.getItems()));
    }

    @Test
    void rotateIdKeepsTheStateUnderANewIdAndKillsTheOldOne() {
        String id = requests.send(null, () -> cart.add("book")).setCookie();
        String[] rotated = new String[1];
        Response response = requests.send(id, () -> {
            rotated[0] = session.rotateId();
            cart.add("pen");
        });
        assertEquals(Kind.ROTATED, response.change());
        assertEquals(rotated[0], response.setCookie());
        assertNotEquals(id, rotated[0]);
        assertEquals(List.of("GetItem", "TransactWriteItems"), response.calls());

        requests.send(rotated[0], () -> assertEquals(List.of("book", "pen"), cart.getItems()));
        requests.send(id, () -> assertEquals(List.of(), cart.getItems(), "the old id is dead"));
        assertTrue(items.of(id).isEmpty());
    }

    @Test
    void aSessionsOwnTimeoutIsStoredAndCappedByTheMaximumLifetime() {
        long now = System.currentTimeMillis() / 1000;
        String id = requests.send(null, () -> {
            cart.add("book");
            assertEquals(Duration.ofMinutes(30), session.timeout());
            session.setTimeout(Duration.ofHours(2));
        }).setCookie();
        assertEquals("7200", items.of(id).get("timeout").n());
        assertClose(now + 7200, Long.parseLong(items.of(id).get("ttl").n()));

        requests.send(id, () -> {
            assertEquals(Duration.ofHours(2), session.timeout());
            session.setTimeout(Duration.ofDays(1));
        });
        assertEquals("86400", items.of(id).get("timeout").n(), "a timeout-only change is written");
        assertClose(now + 12 * 3600, Long.parseLong(items.of(id).get("ttl").n()));
    }

    @Test
    void aSessionOlderThanTheMaximumLifetimeIsAbsentAndEnds() {
        String id = requests.send(null, () -> cart.add("book")).setCookie();
        long thirteenHoursAgo = System.currentTimeMillis() - Duration.ofHours(13).toMillis();
        items.set(id, "created", AttributeValue.fromN(Long.toString(thirteenHoursAgo)));

        Response response = requests.send(id, () -> assertEquals(List.of(), cart.getItems()));
        assertNull(response.setCookie());
        String handle = Items.digest(id);
        assertEquals(List.of("initialized:" + handle, "beforeDestroyed:" + handle, "destroyed:" + handle),
                eventLog.events());
    }

    @Test
    void isNewCreatedAtAndLastAccessedAt() {
        Instant before = Instant.now().minusMillis(5);
        String id = requests.send(null, () -> {
            assertTrue(session.isNew());
            cart.add("book");
        }).setCookie();
        long created = Long.parseLong(items.of(id).get("created").n());
        assertTrue(created >= before.toEpochMilli());

        requests.send(id, () -> {
            assertFalse(session.isNew());
            assertEquals(Instant.ofEpochMilli(created), session.createdAt());
            assertEquals(Instant.ofEpochMilli(created), session.lastAccessedAt());
            assertEquals(id, session.id());
        });
    }

    @Test
    void aRequestThatLoadedASessionAnotherRequestEndedWritesNothing() {
        String id = requests.send(null, () -> visit.setPages(1)).setCookie();
        DySessionConflictException ended = assertThrows(DySessionConflictException.class,
                () -> requests.send(id, () -> {
                    assertEquals(1, visit.getPages());
                    CompletableFuture.runAsync(() -> requests.send(id, session::invalidate)).join();
                    visit.setPages(2);
                }));
        assertTrue(ended.sessionEnded(), "the request learns that its session ended (the filter answers 409)");
        assertEquals(List.of("GetItem", "DeleteItem", "UpdateItem"), DynamoDbCalls.operations(),
                "the other request's read and delete, then this request's conditional update, which failed");
        assertTrue(items.of(id).isEmpty(), "the invalidated session is not resurrected");
    }

    @Test
    void unknownPropertiesFromAnotherVersionOfTheClassAreIgnored() {
        String id = requests.send(null, () -> cart.add("book")).setCookie();
        items.setBean(id, Cart.class, "{\"giftWrap\":true,\"items\":[\"tea\"],\"coupon\":{\"code\":\"X\"}}");
        Response response = requests.send(id, () -> assertEquals(List.of("tea"), cart.getItems()));
        assertEquals(List.of("GetItem"), response.calls(), "a readable state is not rewritten");
    }

    @Test
    void stateOverTheCompressionThresholdIsStoredGzipped() {
        String line = "a fairly long and repetitive line item description ".repeat(4);
        String id = requests.send(null, () -> {
            for (int i = 0; i < 40; i++) {
                cart.add(i + " " + line);
            }
        }).setCookie();
        AttributeValue stored = items.of(id).get("beans").m().get(Cart.class.getName());
        assertNotNull(stored.b(), "stored as binary");
        assertTrue(stored.b().asByteArray().length < 2_000, "gzip shrank ~8 KB of JSON to "
                + stored.b().asByteArray().length + " bytes");
        requests.send(id, () -> assertEquals(40, cart.getItems().size()));
    }

    @Test
    void eventPayloadsNeverHoldTheId() {
        String id = requests.send(null, () -> cart.add("book")).setCookie();
        requests.send(id, session::invalidate);
        assertEquals(3, eventLog.events().size());
        assertTrue(eventLog.events().stream().noneMatch(event -> event.contains(id)), eventLog.events().toString());
    }

    private static void assertClose(long expected, long actual) {
        assertTrue(Math.abs(expected - actual) <= 5, "expected about " + expected + " but was " + actual);
    }
}
