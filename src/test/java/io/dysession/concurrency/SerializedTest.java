package io.dysession.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.dysession.DySession;
import io.dysession.DySessionConflictException;
import io.dysession.DySessionStatistics;
import io.dysession.DySessionStoreException;
import io.dysession.concurrency.ConcurrencyTest.Server;
import io.dysession.internal.context.SessionChange;
import io.dysession.test.Items;
import io.dysession.test.Requests.Response;
import io.dysession.test.TestConfig;

/**
 * {@code dysession.concurrency=serialized}: requests of one session that take the lock run one at
 * a time; the lock is the load and the save releases it; unlocked reads cost a GetItem.
 */
class SerializedTest {

    @AfterAll
    static void restore() {
        TestConfig.use("concurrency");
    }

    private static Server serialized(String table, String... more) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("dysession.concurrency", "serialized"));
        for (int i = 0; i < more.length; i += 2) {
            config.put(more[i], more[i + 1]);
        }
        TestConfig.use(table, config);
        return new Server();
    }

    @Test
    void theLockIsTheLoadAndTheSaveReleasesIt() {
        try (Server server = serialized("serialized-calls")) {
            Items items = new Items("serialized-calls");
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            Response read = server.requests.send(id, server.cart::getItems);
            assertEquals(List.of("UpdateItem", "UpdateItem"), read.calls(), "take the lock (the load), release it");
            Response write = server.requests.send(id, () -> server.cart.add("pen"));
            assertEquals(List.of("UpdateItem", "UpdateItem"), write.calls(), "take the lock, save and release");
            Map<String, AttributeValue> item = items.of(id);
            assertFalse(item.containsKey("lock") || item.containsKey("lockUntil"), "no lock left: " + item.keySet());
            Response unlocked = server.requests.send(id, false, server.cart::getItems);
            assertEquals(List.of("GetItem"), unlocked.calls(), "an unlocked method reads without the lock");
            server.requests.send(id, () -> assertEquals(List.of("book", "pen"), server.cart.getItems()));
        }
    }

    @Test
    void aSecondRequestWaitsForTheFirstAndSeesItsChange() throws Exception {
        try (Server server = serialized("serialized-order")) {
            DySessionStatistics statistics = server.container.select(DySessionStatistics.class).get();
            String id = server.requests.send(null, () -> server.wizard.setStep(10)).setCookie();
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<Void>[] second = new CompletableFuture[1];
            server.requests.send(id, () -> {
                server.wizard.setStep(server.wizard.getStep() + 1); // holds the lock from here
                second[0] = CompletableFuture.runAsync(() -> {
                    waiting.countDown();
                    server.requests.send(id, () -> server.wizard.setStep(server.wizard.getStep() + 1));
                });
                awaitQuietly(waiting);
                pause(Duration.ofMillis(200)); // the second request is now waiting for the lock
                assertFalse(second[0].isDone(), "the second request cannot load while the first holds the lock");
            });
            second[0].get(10, TimeUnit.SECONDS);
            server.requests.send(id, () -> assertEquals(12, server.wizard.getStep(), "no increment lost"));
            assertEquals(0, statistics.overwrites());
        }
    }

    @Test
    void pastTheLockWaitARequestGets503AndWritesNothing() {
        try (Server server = serialized("serialized-busy", "dysession.concurrency.lock-wait", "PT0.3S")) {
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            DySessionStoreException[] refused = new DySessionStoreException[1];
            server.requests.send(id, () -> {
                server.cart.add("holder");
                CompletableFuture<Response> waiter = CompletableFuture.supplyAsync(
                        () -> server.requests.send(id, () -> server.cart.add("waiter")));
                CompletionException e = assertThrows(CompletionException.class, waiter::join);
                refused[0] = (DySessionStoreException) e.getCause();
            });
            assertNotNull(refused[0]);
            assertEquals(Optional.of(Duration.ofSeconds(1)), refused[0].retryAfter(), refused[0]::getMessage);
            assertTrue(refused[0].getMessage().contains("dysession.concurrency.lock-wait=PT0.3S"),
                    refused[0]::getMessage);
            server.requests.send(id, () -> assertEquals(List.of("book", "holder"), server.cart.getItems()));
        }
    }

    @Test
    void aRequestWhoseLeaseRanOutWritesNothingAnd409s() {
        try (Server server = serialized("serialized-lease", "dysession.concurrency.lock-lease", "PT1S",
                "dysession.dynamodb.call-timeout", "PT0.5S", "dysession.dynamodb.attempt-timeout", "PT0.5S")) {
            String id = server.requests.send(null, () -> server.wizard.setStep(10)).setCookie();
            DySessionConflictException conflict = assertThrows(DySessionConflictException.class,
                    () -> server.requests.send(id, () -> {
                        server.wizard.setStep(7);
                        pause(Duration.ofMillis(1300)); // the lease runs out
                        CompletableFuture.runAsync(() -> server.requests.send(id, () -> server.wizard.setStep(2)))
                                .join();
                    }));
            assertTrue(conflict.getMessage().contains("dysession.concurrency.lock-lease"), conflict.getMessage());
            server.requests.send(id, () -> assertEquals(2, server.wizard.getStep(), "the newer holder's write stands"));
        }
    }

    @Test
    void anUnlockedWriteWaitsForTheHolderAndMergesOntoIt() {
        try (Server server = serialized("serialized-unlocked")) {
            String id = server.requests.send(null, () -> server.wizard.setStep(10)).setCookie();
            List<CompletableFuture<Response>> reader = new java.util.ArrayList<>();
            server.requests.send(id, () -> {
                server.wizard.setStep(2);
                reader.add(CompletableFuture.supplyAsync(
                        () -> server.requests.send(id, false, () -> server.wizard.setName("from a GET"))));
                pause(Duration.ofMillis(300));
                assertFalse(reader.get(0).isDone(), "its write waits while the lock is held");
            });
            joinQuietly(reader.get(0));
            server.requests.send(id, () -> {
                assertEquals(2, server.wizard.getStep(), "the holder's change");
                assertEquals("from a GET", server.wizard.getName(), "the unlocked request's change, merged");
            });
        }
    }

    @Test
    void anUnlockedInvalidationWaitsForTheHolder() throws Exception {
        try (Server server = serialized("serialized-unlocked-end")) {
            DySession session = server.container.select(DySession.class).get();
            Items items = new Items("serialized-unlocked-end");
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            List<CompletableFuture<Response>> logout = new java.util.ArrayList<>();
            Response holder = server.requests.send(id, () -> {
                server.cart.add("pen");
                logout.add(CompletableFuture.supplyAsync(() -> server.requests.send(id, false, session::invalidate)));
                pause(Duration.ofMillis(300));
                assertFalse(logout.get(0).isDone(), "the unlocked invalidation waits while the lock is held");
            });
            assertEquals(SessionChange.Kind.SAVED, holder.change(), "the holder saved, and was not ended meanwhile");
            logout.get(0).get(10, TimeUnit.SECONDS);
            assertTrue(items.of(id).isEmpty(), "then the session ended");
        }
    }

    @Test
    void invalidationAndRotationUnderTheLock() {
        try (Server server = serialized("serialized-end")) {
            DySession session = server.container.select(DySession.class).get();
            Items items = new Items("serialized-end");
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            Response rotated = server.requests.send(id, session::rotateId);
            assertEquals(List.of("UpdateItem", "TransactWriteItems"), rotated.calls());
            String newId = rotated.setCookie();
            assertTrue(items.of(id).isEmpty(), "the old id is dead");
            assertFalse(items.of(newId).containsKey("lock"), "the new item carries no lock");
            Response ended = server.requests.send(newId, session::invalidate);
            assertEquals(List.of("UpdateItem", "DeleteItem"), ended.calls());
            assertTrue(items.of(newId).isEmpty());
        }
    }

    @Test
    void aRequestThatFailsGivesTheLockBack() {
        try (Server server = serialized("serialized-failure", "dysession.concurrency.lock-wait", "PT0.5S")) {
            Items items = new Items("serialized-failure");
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            assertThrows(IllegalStateException.class, () -> server.requests.send(id, () -> {
                server.cart.add("lost");
                throw new IllegalStateException("the application failed");
            }));
            assertFalse(items.of(id).containsKey("lock"), "released when the request ended without saving");
            server.requests.send(id, () -> assertEquals(List.of("book"), server.cart.getItems()));
        }
    }

    private static void joinQuietly(CompletableFuture<Response> request) {
        try {
            request.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the unlocked request failed", e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
