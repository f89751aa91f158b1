package io.dysession.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.eclipse.microprofile.config.ConfigProvider;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dysession.DySessionStatistics;
import io.dysession.DySessionStoreException;
import io.dysession.beans.Cart;
import io.dysession.internal.dynamodb.StoreUnavailableException;
import io.dysession.test.FaultProxy.Fault;
import io.dysession.test.Items;
import io.dysession.test.Requests;

/**
 * DynamoDB that hangs, fails or throttles, between the library and the emulator: every call is
 * bounded, repeated failures fail fast until a probe succeeds, and no acknowledged write is lost.
 */
class StoreFaultsTest {

    private static final String UNKNOWN_ID = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    /** The default dysession.dynamodb.call-timeout. */
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(2500);

    @RegisterExtension
    final ProxiedStore store = new ProxiedStore();

    @Test
    void aHungDynamoDbFailsTheRequestWithinTheCallTimeout() {
        try (SeContainer container = store.start("faults-hang", Map.of())) {
            Requests requests = new Requests(container.getBeanManager());
            Cart cart = container.select(Cart.class).get();
            store.proxy().hang();

            long started = System.nanoTime();
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                    () -> requests.send(UNKNOWN_ID, cart::getItems));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            System.out.println("MEASURED hang: store error after " + took.toMillis() + " ms");
            assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "it waited for DynamoDB: " + took);
            assertTrue(took.compareTo(CALL_TIMEOUT.plusSeconds(2)) < 0, "bounded by the call timeout: " + took);
            assertTrue(e.getMessage().contains("did not answer GetItem in time"), e::getMessage);
            assertTrue(e.getMessage().contains("dysession.dynamodb.call-timeout"), e::getMessage);
        }
    }

    /** What an application that catches the public exception itself learns: whether a retry may help. */
    @Test
    void theRetryHintIsOnThePublicExceptionForOutagesAndAbsentForRefusals() {
        try (SeContainer container = store.start("faults-retry-hint", Map.of())) {
            Requests requests = new Requests(container.getBeanManager());
            Cart cart = container.select(Cart.class).get();

            store.proxy().fail(Fault.error(400, "ValidationException"), 1.0, "GetItem");
            DySessionStoreException refused = assertThrows(DySessionStoreException.class,
                    () -> requests.send(UNKNOWN_ID, cart::getItems));
            assertTrue(refused.getMessage().contains("DynamoDB refused GetItem"), refused::getMessage);
            assertEquals(Optional.empty(), refused.retryAfter(), "the same request would be refused again");

            store.proxy().heal().fail(Fault.error(500, "InternalServerError"), 1.0, "GetItem");
            DySessionStoreException outage = assertThrows(DySessionStoreException.class,
                    () -> requests.send(UNKNOWN_ID, cart::getItems));
            assertEquals(Optional.of(Duration.ofSeconds(1)), outage.retryAfter(), outage::getMessage);
        }
    }

    @Test
    void afterRepeatedFailuresRequestsFailAtOnceUntilAProbeSucceeds() throws Exception {
        try (SeContainer container = store.start("faults-fail-fast", Map.of("dysession.dynamodb.fail-fast-after", "3",
                "dysession.dynamodb.fail-fast-for", "PT1S"))) {
            Requests requests = new Requests(container.getBeanManager());
            Cart cart = container.select(Cart.class).get();
            DySessionStatistics statistics = container.select(DySessionStatistics.class).get();
            String id = requests.send(null, () -> cart.add("tea")).setCookie();
            store.proxy().fail(Fault.error(500, "InternalServerError"), 1.0);

            for (int i = 0; i < 3; i++) {
                StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                        () -> requests.send(id, cart::getItems));
                assertFalse(e.failingFast(), "call " + i + " went to DynamoDB");
            }
            assertTrue(statistics.failingFast());
            assertEquals(HealthCheckResponse.Status.DOWN, readiness(container).call().getStatus());

            int callsBefore = store.proxy().calls();
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                        () -> requests.send(id, cart::getItems));
                nanos.add(System.nanoTime() - started);
                assertTrue(e.failingFast(), e::getMessage);
                assertEquals(1, e.retryAfter().orElseThrow().toSeconds(), e::getMessage);
            }
            Collections.sort(nanos);
            System.out.println("MEASURED fail-fast: median " + nanos.get(10) / 1000 + " µs, max "
                    + nanos.get(19) / 1000 + " µs");
            assertEquals(callsBefore, store.proxy().calls(), "no call reached DynamoDB while failing fast");
            assertTrue(nanos.get(10) < Duration.ofMillis(50).toNanos(), "answered at once: " + nanos);
            assertEquals(20, statistics.failFastRefusals());

            store.proxy().heal();
            Thread.sleep(1_100);
            List<List<String>> seen = new ArrayList<>();
            requests.send(id, () -> seen.add(List.copyOf(cart.getItems())));
            assertEquals(List.of(List.of("tea")), seen, "the probe request is served");
            assertFalse(statistics.failingFast(), "the probe succeeded");
            assertEquals(HealthCheckResponse.Status.UP, readiness(container).call().getStatus());
            requests.send(id, () -> cart.add("cake"));
            assertEquals(List.of("tea", "cake"), readItems(container, id));
        }
    }

    @Test
    void aFailedProbeKeepsFailingFast() throws Exception {
        try (SeContainer container = store.start("faults-probe", Map.of("dysession.dynamodb.fail-fast-after", "2",
                "dysession.dynamodb.fail-fast-for", "PT1S"))) {
            Requests requests = new Requests(container.getBeanManager());
            Cart cart = container.select(Cart.class).get();
            store.proxy().fail(Fault.error(500, "InternalServerError"), 1.0);
            for (int i = 0; i < 2; i++) {
                assertThrows(StoreUnavailableException.class, () -> requests.send(UNKNOWN_ID, cart::getItems));
            }
            Thread.sleep(1_100);
            int callsBefore = store.proxy().calls();
            StoreUnavailableException probe = assertThrows(StoreUnavailableException.class,
                    () -> requests.send(UNKNOWN_ID, cart::getItems));
            assertFalse(probe.failingFast(), "the first request after the cool-down is the probe");
            assertTrue(store.proxy().calls() > callsBefore);
            StoreUnavailableException next = assertThrows(StoreUnavailableException.class,
                    () -> requests.send(UNKNOWN_ID, cart::getItems));
            assertTrue(next.failingFast(), "the failed probe opened it again");
        }
    }

    /**
     * With 30 % of calls throttled, the call timeout, not a small attempt count, bounds the retries
     * (default {@code max-attempts} 6, whose throttled backoff can fill the call timeout): at least
     * 99.5 % of 200 writes are acknowledged, every acknowledged one is stored, and no request takes
     * much longer than the call timeout. With the old default of 3 attempts, 8 to 14 of 200 were
     * refused.
     */
    @Test
    void underThirtyPercentThrottlingNearlyEveryWriteIsAcknowledgedAndStored() throws Exception {
        try (SeContainer container = store.start("faults-throttled", Map.of())) {
            Requests requests = new Requests(container.getBeanManager());
            Cart cart = container.select(Cart.class).get();
            String id = requests.send(null, () -> cart.add("first")).setCookie();
            store.proxy().fail(Fault.error(400, "ProvisionedThroughputExceededException"), 0.3);

            List<String> acknowledged = new ArrayList<>(List.of("first"));
            int writes = 200;
            int refused = 0;
            long slowest = 0;
            for (int i = 0; i < writes; i++) {
                String item = "item-" + i;
                long started = System.nanoTime();
                try {
                    requests.send(id, () -> cart.add(item));
                    acknowledged.add(item);
                } catch (DySessionStoreException e) {
                    assertTrue(e instanceof StoreUnavailableException, e::getMessage);
                    refused++;
                }
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
            store.proxy().heal();

            System.out.println("MEASURED throttling 30%: acknowledged=" + (acknowledged.size() - 1) + "/" + writes
                    + " refused=" + refused + " throttled-calls=" + store.proxy().faulted() + " slowest-ms="
                    + slowest / 1_000_000);
            assertTrue(store.proxy().faulted() > 100, "throttling happened: " + store.proxy().faulted());
            assertTrue(refused <= writes / 200, "at least 99.5 % acknowledged: " + refused + " of " + writes
                    + " refused");
            // two calls a request, each bounded by the call timeout; together they stay near one
            assertTrue(slowest < CALL_TIMEOUT.plusSeconds(1).toNanos(), "slowest: " + slowest / 1_000_000 + " ms");
            assertEquals(acknowledged, readItems(container, id), "every acknowledged write is stored, in order");
        }
    }

    /** The cart as stored, read directly from the emulator. */
    private static List<String> readItems(SeContainer container, String id) throws Exception {
        String table = ConfigProvider.getConfig().getValue("dysession.table.name", String.class);
        String json = new Items(table).of(id).get("beans").m().get(Cart.class.getName()).s();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(json, Cart.class).getItems();
        }
    }

    private static HealthCheck readiness(SeContainer container) {
        return container.select(HealthCheck.class, Readiness.Literal.INSTANCE, Any.Literal.INSTANCE).get();
    }
}
