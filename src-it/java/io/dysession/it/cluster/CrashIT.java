package io.dysession.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dysession.it.cluster.load.Slot;
import io.dysession.it.support.Browser;
import io.dysession.it.support.BuildEnvironment;
import io.dysession.it.support.PayaraMicroProcess;
import io.dysession.it.support.ServerPair;
import io.dysession.it.support.TestWar;

/**
 * kill -9 of one of two servers in the middle of a load: the other serves every session with every
 * write that was acknowledged to a client. Arquillian cannot undeploy from a killed instance, so this
 * class starts its two Payara Micro processes itself, with the same safe settings as
 * arquillian.xml (no clustering, no phone-home, loopback only, dummy AWS settings), and stops the
 * survivor by its process handle.
 */
@ExtendWith(BuildEnvironment.class)
class CrashIT {

    private static final String APP = "crash";
    private static final String TABLE = "dysession-it-crash";

    private static final int CLIENTS = 8;
    /** Requests per client at most, whatever happens. */
    private static final int MAX_REQUESTS_PER_CLIENT = 1_000;
    /** Requests per client after the kill, all on the survivor. */
    private static final int REQUESTS_AFTER_KILL = 40;
    /** The kill comes no earlier than this after the load started, and once this many increments were acknowledged. */
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(2);
    private static final int ACKNOWLEDGED_BEFORE_KILL = CLIENTS * 10;

    private static final Duration LOAD_BOUND = Duration.ofSeconds(150);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static PayaraMicroProcess serverA;
    private static PayaraMicroProcess serverB;
    private static ServerPair servers;

    @BeforeAll
    static void startTwoServers() throws Exception {
        servers = ServerPair.start(APP, TestWar.create(APP, TABLE).addPackage(Slot.class.getPackage()), "ping");
        serverA = servers.a();
        serverB = servers.b();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void theSurvivorServesEveryAcknowledgedWrite() throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger acknowledgedSoFar = new AtomicInteger();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            // Sessions start on either server.
            clients.add(new Client(i, i % 2 == 0 ? serverA.app() : serverB.app(), killed, killedAt, acknowledgedSoFar));
        }
        for (Client client : clients) {
            client.startSession();
        }

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        long killedAfterMillis;
        try {
            long loadStarted = System.nanoTime();
            for (Client client : clients) {
                running.add(pool.submit(client::run));
            }
            long deadline = System.nanoTime() + LOAD_BOUND.toNanos();
            while ((System.nanoTime() - loadStarted < LOAD_BEFORE_KILL.toNanos()
                    || acknowledgedSoFar.get() < ACKNOWLEDGED_BEFORE_KILL)
                    && System.nanoTime() < deadline && running.stream().noneMatch(Future::isDone)) {
                Thread.sleep(50);
            }
            for (Future<?> client : running) {
                if (client.isDone()) {
                    client.get(); // a client that failed: its exception
                    fail("a client finished before the kill: raise MAX_REQUESTS_PER_CLIENT");
                }
            }
            killedAt.set(System.nanoTime());
            serverA.process().destroyForcibly(); // SIGKILL
            killedAfterMillis = (System.nanoTime() - loadStarted) / 1_000_000;
            assertTrue(serverA.process().waitFor(30, TimeUnit.SECONDS), "server A is gone after kill -9");
            killed.set(true);
            for (Future<?> client : running) {
                long left = Math.max(1, deadline - System.nanoTime());
                client.get(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "clients stopped");
        }

        int sent = 0;
        int acknowledged = 0;
        int stored = 0;
        int lost = 0;
        int failedOnA = 0;
        int failedOnB = 0;
        int unknownOutcome = 0;
        int inFlightAtKill = 0;
        List<String> killedServerFailures = new ArrayList<>();
        int storedWithoutAcknowledgement = 0;
        int requestsAfterKill = 0;
        List<String> problems = new ArrayList<>();
        for (Client client : clients) {
            int storedHere = client.storedOnSurvivor();
            sent += client.sent;
            acknowledged += client.acknowledged;
            stored += storedHere;
            failedOnA += client.failedOnA;
            failedOnB += client.failedOnB;
            unknownOutcome += client.unknownOutcome;
            inFlightAtKill += client.inFlightAtKill;
            killedServerFailures.addAll(client.failuresOnA);
            requestsAfterKill += client.afterKill;
            int extra = storedHere - client.acknowledged;
            storedWithoutAcknowledgement += Math.max(0, extra);
            lost += Math.max(0, -extra);
            if (extra < 0 || extra > client.unknownOutcome) {
                problems.add("session " + client.index + ": " + client.acknowledged + " increments acknowledged, "
                        + storedHere + " stored, " + client.unknownOutcome + " of unknown outcome (failed on the killed"
                        + " server, not by a refused connection)");
            }
            problems.addAll(client.problems);
        }
        System.out.printf("MEASURED crash: sessions=%d sent=%d acknowledged=%d stored=%d lost=%d"
                + " stored-unacknowledged=%d in-flight-at-kill=%d unknown-outcome=%d failed-on-killed=%d"
                + " failed-on-survivor=%d requests-after-kill=%d killed-after-ms=%d%n", CLIENTS, sent, acknowledged,
                stored, lost, storedWithoutAcknowledgement, inFlightAtKill, unknownOutcome, failedOnA, failedOnB,
                requestsAfterKill, killedAfterMillis);
        System.out.println("CRASH requests that failed on the killed server: " + killedServerFailures);

        assertEquals(List.of(), problems, () -> "survivor:" + serverB.tail());
        assertEquals(0, failedOnB, "the survivor answered every request");
        assertEquals(0, lost, "every acknowledged increment stored");
        assertTrue(storedWithoutAcknowledgement <= unknownOutcome, "only requests in flight at the kill may have "
                + "been stored without an acknowledgement");
        for (Client client : clients) {
            assertEquals(1, client.failedOnA, () -> "session " + client.index + " met the killed server exactly once"
                    + " (then went to the survivor only)");
            assertTrue(client.afterKill > 0, () -> "session " + client.index + " kept going after the kill");
        }
        assertFalse(serverA.process().isAlive());
    }

    /**
     * One browser session, sequential requests (so at most one in flight), each {@code POST /tally}
     * (an increment; POST, so the HTTP client never retries it). It alternates A and B until a
     * request to A fails, then uses B only, as a load balancer would.
     */
    private static final class Client {

        final int index;
        final URI home;
        final AtomicBoolean killed;
        final AtomicLong killedAt;
        final AtomicInteger acknowledgedSoFar;
        final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        final List<String> problems = new ArrayList<>();
        final List<String> failuresOnA = new ArrayList<>();
        String cookie;
        int sent;
        int acknowledged;
        int failedOnA;
        int failedOnB;
        int unknownOutcome;
        int inFlightAtKill;
        int afterKill;
        int lastCount;

        Client(int index, URI home, AtomicBoolean killed, AtomicLong killedAt, AtomicInteger acknowledgedSoFar) {
            this.index = index;
            this.home = home;
            this.killed = killed;
            this.killedAt = killedAt;
            this.acknowledgedSoFar = acknowledgedSoFar;
        }

        void startSession() throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(increment(home), HttpResponse.BodyHandlers.ofString());
            sent++;
            assertEquals(200, response.statusCode(), response::body);
            cookie = Browser.sessionCookieIn(response.headers(), response.headers().map()).value();
            lastCount = MultiServerScenarios.parseTally(response.body());
            assertEquals(1, lastCount, response::body);
            acknowledged++;
            acknowledgedSoFar.incrementAndGet();
        }

        void run() {
            boolean aDown = false;
            for (int i = 0; i < MAX_REQUESTS_PER_CLIENT; i++) {
                if (killed.get() && ++afterKill > REQUESTS_AFTER_KILL) {
                    afterKill--;
                    break;
                }
                if (Thread.currentThread().isInterrupted()) {
                    problems.add("session " + index + ": interrupted");
                    return;
                }
                boolean toA = i % 2 == 0 && !aDown;
                URI app = toA ? serverA.app() : serverB.app();
                sent++;
                long startedAt = System.nanoTime();
                HttpResponse<String> response;
                try {
                    response = http.send(increment(app), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    if (toA) {
                        failedOnA++;
                        aDown = true;
                        boolean inFlight = startedAt < killedAt.get();
                        if (inFlight) {
                            inFlightAtKill++;
                        }
                        failuresOnA.add("session " + index + (inFlight ? " (in flight at the kill): " : ": ") + e);
                        // Refused: never reached the server. Anything else: it may have written before dying.
                        if (!(e instanceof ConnectException)) {
                            unknownOutcome++;
                        }
                    } else {
                        failedOnB++;
                        problems.add("session " + index + " on B: " + e);
                    }
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problems.add("session " + index + ": interrupted");
                    return;
                }
                if (response.statusCode() != 200) {
                    if (toA) {
                        failedOnA++;
                        aDown = true;
                        unknownOutcome++;
                    } else {
                        failedOnB++;
                    }
                    problems.add("session " + index + " on " + (toA ? "A" : "B") + ": " + response.statusCode() + " "
                            + response.body());
                    continue;
                }
                int count = MultiServerScenarios.parseTally(response.body());
                if (count <= lastCount) {
                    problems.add("session " + index + ": count went from " + lastCount + " to " + count
                            + " on " + (toA ? "A" : "B"));
                }
                lastCount = count;
                acknowledged++;
                acknowledgedSoFar.incrementAndGet();
            }
        }

        int storedOnSurvivor() throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(serverB.app().resolve("state"))
                    .header("Cookie", Browser.SESSION_COOKIE + "=" + cookie)
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response::body);
            return MultiServerScenarios.parseTally(response.body());
        }

        private HttpRequest increment(URI app) {
            HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve("tally"))
                    .timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (cookie != null) {
                request.header("Cookie", Browser.SESSION_COOKIE + "=" + cookie);
            }
            return request.build();
        }
    }
}
