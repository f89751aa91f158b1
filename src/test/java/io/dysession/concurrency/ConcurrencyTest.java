package io.dysession.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dysession.DySessionConflictException;
import io.dysession.beans.Cart;
import io.dysession.beans.Wizard;
import io.dysession.test.Containers;
import io.dysession.test.Requests;
import io.dysession.test.Requests.Response;
import io.dysession.test.TestConfig;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Overlapping requests of one session, on one or two "servers" (CDI containers sharing a table):
 * merge and strict concurrency, and the cache.
 */
class ConcurrencyTest {

    @AfterAll
    static void restore() {
        TestConfig.use("concurrency");
    }

    /** One server: a CDI container with its own extension, cache and client. */
    static final class Server implements AutoCloseable {
        final SeContainer container;
        final Requests requests;
        final Cart cart;
        final Wizard wizard;

        Server() {
            container = Containers.start(Cart.class, Wizard.class);
            requests = new Requests(container.getBeanManager());
            cart = container.select(Cart.class).get();
            wizard = container.select(Wizard.class).get();
        }

        @Override
        public void close() {
            container.close();
        }
    }

    /** Runs {@code other} to completion on another thread while the calling request is in progress. */
    static void meanwhile(Runnable other) {
        CompletableFuture.runAsync(other).join();
    }

    @Test
    void mergeKeepsChangesToDifferentBeansAndTheLaterWriteOfTheSameBean() {
        TestConfig.use("concurrency-merge");
        try (Server server = new Server()) {
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            server.requests.send(id, () -> {
                server.cart.add("pen");
                meanwhile(() -> server.requests.send(id, () -> server.wizard.setStep(2)));
            });
            server.requests.send(id, () -> {
                assertEquals(List.of("book", "pen"), server.cart.getItems());
                assertEquals(2, server.wizard.getStep(), "the overlapping request's change to another bean is kept");
            });

            server.requests.send(id, () -> {
                server.wizard.setStep(4);
                meanwhile(() -> server.requests.send(id, () -> server.wizard.setStep(3)));
            });
            server.requests.send(id, () -> assertEquals(4, server.wizard.getStep(), "the later write wins"));
        }
    }

    @Test
    void strictRejectsAWriteOfABeanThatMovedAndWritesNothingOfThatRequest() {
        TestConfig.use("concurrency-strict", Map.of("dysession.concurrency", "strict"));
        try (Server server = new Server()) {
            String id = server.requests.send(null, () -> server.wizard.setStep(2)).setCookie();
            server.requests.send(id, () -> server.cart.add("book"));

            DySessionConflictException conflict = assertThrows(DySessionConflictException.class,
                    () -> server.requests.send(id, () -> {
                        server.wizard.setStep(9);
                        server.cart.add("mine");
                        meanwhile(() -> server.requests.send(id, () -> {
                            server.wizard.setStep(5);
                            server.cart.getItems();
                        }));
                    }));
            assertEquals(Set.of(Wizard.class.getName()), conflict.beans());
            assertTrue(conflict.getMessage().contains("dysession.concurrency=strict"), conflict.getMessage());

            server.requests.send(id, () -> {
                assertEquals(5, server.wizard.getStep(), "the other request's write stands");
                assertEquals(List.of("book"), server.cart.getItems(), "nothing of the rejected request was written");
            });

            server.requests.send(id, () -> {
                server.cart.add("pen");
                meanwhile(() -> server.requests.send(id, () -> server.wizard.setStep(6)));
            });
            server.requests.send(id, () -> {
                assertEquals(List.of("book", "pen"), server.cart.getItems(), "different beans never conflict");
                assertEquals(6, server.wizard.getStep());
            });
        }
    }

    @Test
    void theCacheRevalidatesByVersionAndServesFreshEntriesWithoutAnyCall() {
        TestConfig.use("concurrency-cache", Map.of("dysession.cache.enabled", "true"));
        try (Server server = new Server()) {
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            Response read = server.requests.send(id, server.cart::getItems);
            assertEquals(List.of("GetItem"), read.calls());
            assertEquals("#ver", ((GetItemRequest) io.dysession.test.DynamoDbCalls.requests().get(0))
                    .projectionExpression(), "max-staleness PT0S: only the version is read back");
        }
        TestConfig.use("concurrency-cache", Map.of("dysession.cache.enabled", "true",
                "dysession.cache.max-staleness", "PT1M"));
        try (Server server = new Server()) {
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            assertEquals(List.of(), server.requests.send(id, server.cart::getItems).calls(),
                    "a session this server wrote within max-staleness costs no call");
        }
    }

    @Test
    void twoCachingServersNeverLoseAnUpdate() {
        TestConfig.use("concurrency-two-servers", Map.of("dysession.cache.enabled", "true",
                "dysession.cache.max-staleness", "PT1M"));
        String id;
        try (Server a = new Server(); Server b = new Server()) {
            id = a.requests.send(null, () -> a.cart.add("from a")).setCookie();
            b.requests.send(id, () -> b.wizard.setStep(2));
            Response stale = a.requests.send(id, () -> a.cart.add("again from a"));
            assertEquals(List.of("UpdateItem", "UpdateItem"), stale.calls(),
                    "A's cached version was stale: its conditional write failed, it merged and wrote again");
        }
        try (Server c = new Server()) {
            c.requests.send(id, () -> {
                assertEquals(List.of("from a", "again from a"), c.cart.getItems());
                assertEquals(2, c.wizard.getStep());
            });
        }
    }
}
