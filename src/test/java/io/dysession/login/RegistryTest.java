package io.dysession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dysession.DySession;
import io.dysession.DySessionInfo;
import io.dysession.DySessionRegistry;
import io.dysession.beans.Cart;
import io.dysession.internal.context.SessionChange.Kind;
import io.dysession.test.DynamoDbCalls;
import io.dysession.test.EnableDySession;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.Requests.Response;
import io.dysession.DySessionConflictException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A caller's sessions through the sparse caller index: listed, ended one by one or all, never resurrected. */
@EnableDySession(table = RegistryTest.TABLE, beans = {Cart.class, Logins.class})
class RegistryTest {

    static final String TABLE = "login-registry";

    private final Items items = new Items(TABLE);

    @Inject
    Cart cart;

    @Inject
    DySession session;

    @Inject
    DySessionRegistry registry;

    @Inject
    Requests requests;

    @Inject
    Logins logins;

    @Test
    void sessionsOfListsTheCallersSessionsWithTheirClientsInOneQuery() {
        String caller = unique("frank");
        String firefox = logIn(caller, "Firefox/140");
        String chrome = logIn(caller, "Chrome/141");
        logIn(unique("grace"), "Safari/18");
        requests.send(null, () -> cart.add("anonymous")); // no login: not in the index

        registry.sessionsOf(unique("nobody")); // the first use checks that the index exists: one DescribeTable
        DynamoDbCalls.reset();
        List<DySessionInfo> sessions = registry.sessionsOf(caller);
        assertEquals(List.of("Query"), DynamoDbCalls.operations(), "then one Query on the index");
        assertEquals(Set.of(Items.digest(firefox), Items.digest(chrome)),
                sessions.stream().map(DySessionInfo::handle).collect(Collectors.toSet()));
        assertEquals(Set.of("Firefox/140", "Chrome/141"),
                sessions.stream().map(DySessionInfo::client).collect(Collectors.toSet()));
        DySessionInfo first = sessions.get(0);
        assertEquals(caller, first.caller());
        assertFalse(first.current(), "listed outside any request");
        assertTrue(first.expiresAt().isAfter(Instant.now()));
        assertTrue(!first.lastAccessedAt().isBefore(first.createdAt()));
    }

    @Test
    void theCurrentRequestsSessionIsMarked() {
        String caller = unique("heidi");
        String mine = logIn(caller, "mine");
        logIn(caller, "other");
        requests.send(mine, () -> {
            List<DySessionInfo> sessions = registry.sessionsOf(caller);
            assertEquals(Set.of("mine"), sessions.stream().filter(DySessionInfo::current)
                    .map(DySessionInfo::client).collect(Collectors.toSet()));
        });
    }

    @Test
    void invalidateEndsOneSessionAndTheOtherStays() {
        String caller = unique("ivan");
        String one = logIn(caller, "one");
        String two = logIn(caller, "two");

        assertTrue(registry.invalidate(Items.digest(one)));
        assertFalse(registry.invalidate(Items.digest(one)), "gone already");
        assertFalse(registry.invalidate("not a handle"));

        Response late = requests.send(one, () -> assertEquals(Optional.empty(), session.caller()));
        assertEquals(Kind.ENDED, late.change(), "anonymous, cookie cleared");
        requests.send(two, () -> assertEquals(Optional.of(caller), session.caller()));
        assertEquals(List.of("two"), registry.sessionsOf(caller).stream().map(DySessionInfo::client).toList());
    }

    @Test
    void invalidateAllEndsEverySessionOfTheCaller() {
        String caller = unique("judy");
        String one = logIn(caller, "one");
        String two = logIn(caller, "two");
        String other = logIn(unique("ken"), "other");

        assertEquals(2, registry.invalidateAll(caller));
        assertTrue(items.of(one).isEmpty());
        assertTrue(items.of(two).isEmpty());
        assertFalse(items.of(other).isEmpty(), "another caller's session stays");
        assertEquals(List.of(), registry.sessionsOf(caller));
    }

    @Test
    void aRevokedSessionsLateRequestDoesNotResurrectIt() {
        String caller = unique("leo");
        String id = logIn(caller, "late");
        registry.sessionsOf(caller);

        DySessionConflictException ended = assertThrows(DySessionConflictException.class,
                () -> requests.send(id, () -> {
                    assertEquals(Optional.of(caller), session.caller(), "loaded before the revocation");
                    assertEquals(1, onAnotherThread(() -> registry.invalidateAll(caller)), "revoked from elsewhere");
                    cart.add("written after the revocation");
                }));
        assertTrue(ended.sessionEnded(), "the late request learns that its session was revoked");
        assertEquals(List.of("GetItem", "Query", "DeleteItem", "UpdateItem"), DynamoDbCalls.operations());
        assertTrue(items.of(id).isEmpty(), "the conditioned UpdateItem found no item and wrote nothing");
        assertEquals(List.of(), registry.sessionsOf(caller));
    }

    @Test
    void expiredSessionsAreSkipped() {
        String caller = unique("mallory");
        String expired = logIn(caller, "expired");
        String live = logIn(caller, "live");
        items.set(expired, "ttl", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() - 1)));
        assertFalse(items.of(expired).isEmpty(), "still stored: only the expiry check can hide it");

        assertEquals(List.of(Items.digest(live)), registry.sessionsOf(caller).stream().map(DySessionInfo::handle)
                .toList());
        assertEquals(1, registry.invalidateAll(caller), "an expired session is not counted as ended");
    }

    @Test
    void sessionsOfIsLeastRecentlyUsedFirst() throws InterruptedException {
        String caller = unique("nina");
        String older = logIn(caller, "older");
        Thread.sleep(5);
        logIn(caller, "newer");
        items.set(older, "accessed", AttributeValue.fromN(Long.toString(System.currentTimeMillis() + 60_000)));
        assertEquals(List.of("newer", "older"), registry.sessionsOf(caller).stream().map(DySessionInfo::client)
                .toList());
    }

    // Another thread: not inside this request, as an administrator's request on another server.
    private static int onAnotherThread(java.util.function.IntSupplier work) {
        int[] result = new int[1];
        Thread thread = new Thread(() -> result[0] = work.getAsInt());
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return result[0];
    }

    private String logIn(String caller, String client) {
        return requests.send(null, () -> logins.logIn(caller, client, "user")).setCookie();
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime();
    }
}
