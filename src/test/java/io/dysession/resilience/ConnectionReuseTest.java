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

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dysession.beans.Cart;
import io.dysession.test.Requests;

/**
 * dysession's HTTP client keeps its connections to DynamoDB and reuses them: the proxy in front of
 * the emulator counts the TCP connections it accepts.
 */
class ConnectionReuseTest {

    /**
     * An attempt that times out gives up its connection, and the next opens another: on a busy
     * machine the one-at-a-time emulator can be that slow, so this test, about pooling only, allows time.
     */
    private static final Map<String, String> UNHURRIED = Map.of("dysession.dynamodb.call-timeout", "PT60S",
            "dysession.dynamodb.attempt-timeout", "PT30S");

    @RegisterExtension
    final ProxiedStore store = new ProxiedStore();

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> more = new HashMap<>(settings);
        more.put(key, value);
        return more;
    }

    @Test
    void sequentialRequestsUseOneConnection() {
        try (SeContainer container = store.start("connection-reuse", UNHURRIED)) {
            Requests requests = new Requests(container.getBeanManager());
            Cart cart = container.select(Cart.class).get();
            String id = requests.send(null, () -> cart.add("tea")).setCookie();
            store.proxy().resetCounts();

            for (int i = 0; i < 200; i++) {
                String item = "item-" + i;
                requests.send(id, i % 2 == 0 ? cart::getItems : () -> cart.add(item));
            }

            System.out.println("MEASURED sequential: calls=" + store.proxy().calls() + " connections=" + store.proxy().connectionsAccepted());
            assertTrue(store.proxy().calls() >= 300, "calls: " + store.proxy().calls());
            assertTrue(store.proxy().connectionsAccepted() <= 1, "connections: " + store.proxy().connectionsAccepted());
        }
    }

    @Test
    void concurrentRequestsStayWithinThePool() throws Exception {
        Map<String, String> poolOfFour = with(UNHURRIED, "dysession.dynamodb.max-connections", "4");
        try (SeContainer container = store.start("connection-reuse", poolOfFour)) {
            Requests requests = new Requests(container.getBeanManager());
            Cart cart = container.select(Cart.class).get();
            store.proxy().resetCounts();

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

            System.out.println("MEASURED concurrent(16 clients, pool 4): calls=" + store.proxy().calls() + " connections="
                    + store.proxy().connectionsAccepted());
            assertTrue(store.proxy().calls() >= 16 * 81, "calls: " + store.proxy().calls());
            assertTrue(store.proxy().connectionsAccepted() <= 4, "connections: " + store.proxy().connectionsAccepted());
        }
    }
}
