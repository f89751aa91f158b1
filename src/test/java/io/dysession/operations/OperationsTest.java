package io.dysession.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.se.SeContainer;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dysession.DySession;
import io.dysession.DySessionStatistics;
import io.dysession.beans.Cart;
import io.dysession.test.Containers;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;

/** Statistics after a known sequence of requests, the readiness check, and a client the application brings. */
class OperationsTest {

    @AfterAll
    static void restore() {
        TestConfig.use("operations");
    }

    @Test
    void statisticsCountWhatHappened() {
        TestConfig.use("operations-statistics");
        try (SeContainer container = Containers.start(Cart.class)) {
            Cart cart = container.select(Cart.class).get();
            DySession session = container.select(DySession.class).get();
            Requests requests = new Requests(container.getBeanManager());
            String id = requests.send(null, () -> cart.add("book")).setCookie();
            requests.send(id, cart::getItems);
            requests.send(id, () -> cart.add("pen"));
            requests.send(id, session::invalidate);
            requests.send(id, cart::getItems);

            DySessionStatistics statistics = container.select(DySessionStatistics.class).get();
            assertEquals(1, statistics.sessionsCreated());
            assertEquals(3, statistics.sessionsLoaded());
            assertEquals(1, statistics.sessionsSaved());
            assertEquals(0, statistics.sessionsTouched());
            assertEquals(1, statistics.sessionsInvalidated());
            assertEquals(0, statistics.sessionsExpiredOnRead());
            assertEquals(0, statistics.conditionalCheckFailures());
            assertEquals(Map.of("GetItem", 4L, "PutItem", 1L, "UpdateItem", 1L, "DeleteItem", 1L),
                    statistics.dynamoDbCalls());
            assertEquals("{\"items\":[\"book\"]}".length() + "{\"items\":[\"book\",\"pen\"]}".length(),
                    statistics.bytesWritten());
            assertTrue(statistics.consumedCapacityUnits() > 0, "DynamoDB reports consumed capacity");
        }
    }

    @Test
    void readinessIsUpWhileTheTableIsActive() {
        TestConfig.use("operations-health");
        try (SeContainer container = Containers.start(Cart.class)) {
            HealthCheckResponse response = readiness(container).call();
            assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
            assertEquals("ACTIVE", response.getData().orElseThrow().get("status"));
            assertEquals("operations-health", response.getData().orElseThrow().get("table"));
            assertEquals("dysession default", response.getName(), "no servlet context nor mp.metrics.appName");
        }
    }

    @Test
    void readinessIsNamedAfterTheApplicationsMetricsName() {
        TestConfig.use("operations-health-named", Map.of("mp.metrics.appName", "shop"));
        try (SeContainer container = Containers.start(Cart.class)) {
            HealthCheckResponse response = readiness(container).call();
            assertEquals("dysession shop", response.getName());
            assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        }
    }

    @Test
    void readinessIsDownWhenDynamoDbCannotBeReached() throws IOException {
        TestConfig.use("operations-health-down", Map.of("dysession.table.auto-create", "false",
                "dysession.dynamodb.endpoint", "http://127.0.0.1:" + closedPort()));
        try (SeContainer container = Containers.start(Cart.class)) {
            HealthCheckResponse response = readiness(container).call();
            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertTrue(String.valueOf(response.getData().orElseThrow().get("error"))
                    .contains("Cannot reach DynamoDB for table 'operations-health-down'"), response.getData().toString());
        }
    }

    @Test
    void readinessIsDownWhenTheTableIsMissing() {
        TestConfig.use("operations-no-table", Map.of("dysession.table.auto-create", "false"));
        try (SeContainer container = Containers.start(Cart.class)) {
            HealthCheckResponse response = readiness(container).call();
            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertTrue(String.valueOf(response.getData().orElseThrow().get("error")).contains("does not exist"));
        }
    }

    @Test
    void anApplicationClientIsUsedAndNotClosed() throws IOException {
        // dysession's own client would fail: its endpoint is a closed port
        TestConfig.use("operations-own-client", Map.of("dysession.dynamodb.endpoint",
                "http://127.0.0.1:" + closedPort(), "dysession.dynamodb.region", "us-west-2"));
        try (SeContainer container = Containers.start(Cart.class, OwnClientProducer.class)) {
            Cart cart = container.select(Cart.class).get();
            Requests requests = new Requests(container.getBeanManager());
            String id = requests.send(null, () -> cart.add("book")).setCookie();
            requests.send(id, () -> assertEquals(List.of("book"), cart.getItems()));
        }
        assertTrue(OwnClientProducer.produced.listTables().tableNames().contains("operations-own-client"),
                "the application's client still works after dysession stopped");
    }

    private static HealthCheck readiness(SeContainer container) {
        return container.select(HealthCheck.class, Readiness.Literal.INSTANCE, Any.Literal.INSTANCE).get();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
