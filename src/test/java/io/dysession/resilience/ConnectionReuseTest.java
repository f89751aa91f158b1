package io.dysession.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dysession.beans.Cart;
import io.dysession.test.Containers;
import io.dysession.test.DynamoDbEmulator;
import io.dysession.test.FaultProxy;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;

/**
 * dysession's HTTP client keeps its connections to DynamoDB and reuses them: the proxy in front of
 * the emulator counts the TCP connections it accepts.
 */
class ConnectionReuseTest {

    private FaultProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.start(DynamoDbEmulator.endpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @AfterAll
    static void restore() {
        TestConfig.use("connection-reuse");
    }

    private WeldContainer start(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(overrides);
        values.put("dysession.dynamodb.endpoint", proxy.endpoint());
        TestConfig.use("connection-reuse", values);
        return Containers.start(Cart.class);
    }

    @Test
    void sequentialRequestsUseOneConnection() {
        try (WeldContainer weld = start(Map.of())) {
            Requests requests = new Requests(weld.getBeanManager());
            Cart cart = weld.select(Cart.class).get();
            String id = requests.send(null, () -> cart.add("tea")).setCookie();
            proxy.resetCounts();

            for (int i = 0; i < 200; i++) {
                String item = "item-" + i;
                requests.send(id, i % 2 == 0 ? cart::getItems : () -> cart.add(item));
            }

            System.out.println("MEASURED sequential: calls=" + proxy.calls() + " connections=" + proxy.connectionsAccepted());
            assertTrue(proxy.calls() >= 300, "calls: " + proxy.calls());
            assertTrue(proxy.connectionsAccepted() <= 1, "connections: " + proxy.connectionsAccepted());
        }
    }

    @Test
    void concurrentRequestsStayWithinThePool() throws Exception {
        try (WeldContainer weld = start(Map.of("dysession.dynamodb.max-connections", "4"))) {
            Requests requests = new Requests(weld.getBeanManager());
            Cart cart = weld.select(Cart.class).get();
            proxy.resetCounts();

            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<Integer>> sessions = new ArrayList<>();
                for (int c = 0; c < 16; c++) {
                    sessions.add(clients.submit(() -> {
                        String id = requests.send(null, () -> cart.add("first")).setCookie();
                        for (int i = 0; i < 40; i++) {
                            requests.send(id, () -> cart.add("more"));
                        }
                        int[] size = new int[1];
                        requests.send(id, () -> size[0] = cart.getItems().size());
                        return size[0];
                    }));
                }
                for (Future<Integer> session : sessions) {
                    assertEquals(41, session.get());
                }
            } finally {
                clients.shutdownNow();
            }

            System.out.println("MEASURED concurrent(16 clients, pool 4): calls=" + proxy.calls() + " connections="
                    + proxy.connectionsAccepted());
            assertTrue(proxy.calls() >= 16 * 81, "calls: " + proxy.calls());
            assertTrue(proxy.connectionsAccepted() <= 4, "connections: " + proxy.connectionsAccepted());
        }
    }
}
