package io.dysession.it.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dysession.it.concurrency.app.Profile;
import io.dysession.it.support.Browser;
import io.dysession.it.support.BuildEnvironment;
import io.dysession.it.support.PayaraMicroProcess;
import io.dysession.it.support.ServerPair;
import io.dysession.it.support.TestWar;

/**
 * {@code dysession.concurrency=serialized}: the lock holder's server is killed with -9 in the middle of
 * its request, and the lease frees the lock. Two Payara Micro processes this class starts itself (as
 * {@link io.dysession.it.cluster.CrashIT} does: Arquillian cannot undeploy from a killed instance), a
 * short lease ({@code PT6S}, the least twice {@code dysession.dynamodb.call-timeout=PT2.5S} allows
 * with a margin) and a lock wait longer than it ({@code PT10S}).
 */
@ExtendWith(BuildEnvironment.class)
class SerializedCrashIT {

    private static final String APP = "serialized-crash";
    private static final String TABLE = "dysession-it-serialized-crash";
    private static final Duration LEASE = Duration.ofSeconds(6);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static PayaraMicroProcess serverA;
    private static PayaraMicroProcess serverB;
    private static ServerPair servers;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void startTwoServers() throws Exception {
        servers = ServerPair.start(APP, TestWar.create(APP, TABLE, List.of(
                        "dysession.concurrency=serialized",
                        "dysession.concurrency.lock-lease=" + LEASE,
                        "dysession.concurrency.lock-wait=PT10S",
                        "dysession.dynamodb.call-timeout=PT2.5S",
                        "dysession.dynamodb.attempt-timeout=PT1S"))
                .addPackage(Profile.class.getPackage()), "overwrites");
        serverA = servers.a();
        serverB = servers.b();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    /**
     * A session's counter is 1. A POST on A changes the profile (taking the lock) and is held at its
     * gate; A is killed with -9. A POST /increment on B for the same session then waits for the
     * dead holder's lock until its lease runs out, takes it and answers 2; the counter is 2 and the
     * profile change of the killed request was never written.
     */
    @Test
    void theOtherServersRequestSucceedsOnceTheDeadHoldersLeaseRanOut() throws Exception {
        HttpResponse<String> started = http.send(post(serverA.app(), "increment", null), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, started.statusCode(), started::body);
        assertEquals("1", started.body());
        String cookie = Browser.sessionCookieIn(started.headers(), started.headers().map()).value();

        String gate = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(
                post(serverA.app(), "profile?city=Paris&gate=" + gate, cookie), HttpResponse.BodyHandlers.ofString());
        assertEquals("arrived", text(serverA.app(), "gate?action=arrived&name=" + encode(gate), null),
                "the held request took the lock and arrived at its gate");
        long lockHeldSince = System.nanoTime();

        serverA.process().destroyForcibly(); // SIGKILL
        assertTrue(serverA.process().waitFor(30, TimeUnit.SECONDS), "server A is gone after kill -9");
        boolean heldFailed;
        try {
            held.get(30, TimeUnit.SECONDS);
            heldFailed = false;
        } catch (ExecutionException e) {
            heldFailed = e.getCause() instanceof IOException;
        }

        long sent = System.nanoTime();
        HttpResponse<String> after = http.send(post(serverB.app(), "increment", cookie), HttpResponse.BodyHandlers.ofString());
        long sinceLockMs = (System.nanoTime() - lockHeldSince) / 1_000_000;
        long waitedMs = (System.nanoTime() - sent) / 1_000_000;
        System.out.printf("MEASURED serialized crash: lease=%s answered %d after %d ms on B (%d ms after the killed"
                + " request took the lock)%n", LEASE, after.statusCode(), waitedMs, sinceLockMs);

        assertTrue(heldFailed, "the killed server's request got no answer");
        assertEquals(200, after.statusCode(), () -> "the survivor's request after the lease: " + after.body()
                + serverB.tail());
        assertEquals("2", after.body(), "the increment on B, on top of the stored 1");
        assertTrue(sinceLockMs >= LEASE.toMillis() - 1_000, () -> "B's request answered " + sinceLockMs
                + " ms after the dead holder took the lock, before its lease of " + LEASE + " could run out");
        assertEquals("2", text(serverB.app(), "read", cookie), "the counter after the crash");
        assertEquals("name= city=", text(serverB.app(), "profile", cookie), "the killed request wrote nothing");
        HttpResponse<String> next = http.send(post(serverB.app(), "increment", cookie), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, next.statusCode(), next::body);
        assertEquals("3", next.body(), "the lock was released by B's save: the next request takes it at once");
        assertFalse(serverA.process().isAlive());
    }

    private String text(URI app, String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(path)).timeout(REQUEST_TIMEOUT).GET();
        if (cookie != null) {
            request.header("Cookie", Browser.SESSION_COOKIE + "=" + cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    private static HttpRequest post(URI app, String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(path)).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", Browser.SESSION_COOKIE + "=" + cookie);
        }
        return request.build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
