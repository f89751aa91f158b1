package io.dysession.deployment;

import static io.dysession.deployment.BeanProblemsTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dysession.DySessionStoreException;
import io.dysession.beans.Cart;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;

/** A missing table or an unreachable DynamoDB gives an error that says where and what to do. */
class StoreFailuresTest {

    @AfterAll
    static void restore() {
        TestConfig.use("store-failures");
    }

    @Test
    void aMissingTableIsNamedWithRegionAndEndpoint() {
        TestConfig.use("no-such-table", Map.of("dysession.table.auto-create", "false"));
        try (SeContainer container = Deployments.start(Cart.class)) {
            Cart cart = container.select(Cart.class).get();
            DySessionStoreException e = assertThrows(DySessionStoreException.class, () -> new Requests(
                    container.getBeanManager()).send("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", cart::getItems));
            assertContains(e.getMessage(), "DynamoDB table 'no-such-table' (region us-east-1, endpoint http://127.0.0.1:");
            assertContains(e.getMessage(), "does not exist. Create it (set dysession.table.auto-create=true");
        }
    }

    @Test
    void anUnreachableEndpointIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestConfig.use("unreachable", Map.of("dysession.table.auto-create", "false",
                "dysession.dynamodb.endpoint", "http://127.0.0.1:" + closedPort));
        try (SeContainer container = Deployments.start(Cart.class)) {
            Cart cart = container.select(Cart.class).get();
            DySessionStoreException e = assertThrows(DySessionStoreException.class, () -> new Requests(
                    container.getBeanManager()).send(null, () -> cart.add("book")));
            assertContains(e.getMessage(), "Cannot reach DynamoDB for table 'unreachable' (region us-east-1, "
                    + "endpoint http://127.0.0.1:" + closedPort + ") (PutItem)");
        }
    }
}
