package io.dysession.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.dysession.it.cluster.load.Slot;
import io.dysession.it.support.Browser;
import io.dysession.it.support.TestWar;
import io.dysession.it.support.TwoServers;

/**
 * The multi-server scenarios of {@link MultiServerIT} (cache off) and {@link MultiServerCacheIT}
 * (cache on): two Payara Micro instances, no clustering between them, the load app on the same
 * context path and the same DynamoDB table, clients moving between them with one cookie.
 * Each scenario prints one {@code MEASURED} line (in target/failsafe-reports/*-output.txt) before
 * it asserts, so the numbers are there even when an assertion fails.
 */
abstract class MultiServerScenarios extends TwoServers {

    static final String APP = "multi";

    private static final int REQUESTS = 1_000;
    private static final int SLOTS = 32;
    private static final int BURSTS = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final long BURST_BOUND_SECONDS = 180;

    /** The load app (io.dysession.it.cluster.load) on top of the usual test WAR. */
    static WebArchive war(String table, List<String> extraConfig) {
        return TestWar.create(APP, table, extraConfig).addPackage(Slot.class.getPackage());
    }

    /** The scenario label of the MEASURED lines. */
    abstract String label();

    /**
     * One browser, one cookie, 1,000 requests alternating A, B, A, ...: 30% increment the tally
     * bean, 30% append to the journal bean, 40% only read. Every response shows the whole state,
     * so every request checks that its server saw every earlier write, made on the other server
     * one request before.
     */
    @Test
    void alternatingClientSeesEveryWriteOnTheOtherServer() {
        Browser browser = new Browser();
        Random random = new Random(4);
        int tally = 0;
        List<String> journal = new ArrayList<>();
        int sent = 0;
        int writesSent = 0;
        int acknowledged = 0;
        int reads = 0;
        int setCookies = 0;
        String pidA = null;
        String pidB = null;
        List<String> mismatches = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int stale = 0;

        for (int i = 0; i < REQUESTS; i++) {
            boolean onA = i % 2 == 0;
            URI node = onA ? nodeA : nodeB;
            int roll = random.nextInt(10);
            Browser.Response response;
            int expectedTally = tally;
            List<String> expectedJournal = new ArrayList<>(journal);
            if (roll < 3) {
                response = browser.postForm(node.resolve("tally"));
                expectedTally++;
            } else if (roll < 6) {
                String entry = "e" + i;
                response = browser.postForm(node.resolve("journal"), "entry", entry);
                expectedJournal.add(entry);
            } else {
                response = browser.get(node.resolve("state"));
                reads++;
            }
            sent++;
            boolean write = roll < 6;
            if (write) {
                writesSent++;
            }
            if (response.status() != 200) {
                failed.add("request " + i + " on " + (onA ? "A" : "B") + ": " + response);
                continue;
            }
            if (write) {
                acknowledged++;
                tally = expectedTally;
                journal = expectedJournal;
            }
            String expected = state(tally, journal);
            if (!expected.equals(response.body()) && ++stale <= 10) {
                mismatches.add("request " + i + " on " + (onA ? "A" : "B") + ": expected " + expected + ", got "
                        + response);
            }
            setCookies += response.setCookieHeaders().size();
            if (onA) {
                pidA = response.serverPid();
            } else {
                pidB = response.serverPid();
            }
        }

        String onA = browser.get(nodeA.resolve("state")).body();
        String onB = browser.get(nodeB.resolve("state")).body();
        int storedTally = parseTally(onB);
        int storedEntries = parseJournal(onB).size();
        int stored = storedTally + storedEntries;
        System.out.printf("MEASURED %s alternating: sent=%d writes=%d reads=%d acknowledged=%d stored=%d lost=%d"
                + " stale-responses=%d failed=%d%n", label(), sent, writesSent, reads, acknowledged, stored,
                acknowledged - stored, stale, failed.size());

        assertEquals(List.of(), failed, "every request answered 200");
        assertEquals(List.of(), mismatches, "every response shows every earlier write, made on the other server");
        assertNotEquals(pidA, pidB, "two separate servers");
        assertEquals(1, setCookies, "one Set-Cookie (the first write starts the session), then the same id throughout");
        assertEquals(0, acknowledged - stored, "lost updates");
        String expected = state(tally, journal);
        assertEquals(expected, onA);
        assertEquals(expected, onB);
    }

    /**
     * One session, {@value #SLOTS} requests at once (even slots on A, odd on B), each incrementing
     * its own bean; {@value #BURSTS} bursts. After each burst both servers show every slot at the
     * number of bursts so far.
     */
    @Test
    void concurrentRequestsEachChangingTheirOwnBeanKeepEveryIncrement() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String cookie = startSession(http);

        int sent = 0;
        int acknowledged = 0;
        int conflicts = 0;
        List<String> failures = new ArrayList<>();
        int[] acknowledgedPerSlot = new int[SLOTS];
        int[] storedPerSlot = new int[SLOTS];
        List<String> wrongAfterBurst = new ArrayList<>();
        long slowest = 0;

        for (int burst = 1; burst <= BURSTS; burst++) {
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            long started = System.nanoTime();
            for (int n = 0; n < SLOTS; n++) {
                URI node = n % 2 == 0 ? nodeA : nodeB;
                HttpRequest request = HttpRequest.newBuilder(node.resolve("slot?n=" + n))
                        .header("Cookie", Browser.SESSION_COOKIE + "=" + cookie)
                        .timeout(REQUEST_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build();
                inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                sent++;
            }
            try {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                        .get(BURST_BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // one of them failed: each is examined below
            } catch (TimeoutException e) {
                inFlight.forEach(future -> future.cancel(true));
                fail("burst " + burst + " did not complete within " + BURST_BOUND_SECONDS + " s");
            }
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
            for (int n = 0; n < SLOTS; n++) {
                HttpResponse<String> response;
                try {
                    response = inFlight.get(n).join();
                } catch (RuntimeException e) {
                    failures.add("burst " + burst + " slot " + n + ": " + e);
                    continue;
                }
                if (response.statusCode() == 200) {
                    acknowledged++;
                    acknowledgedPerSlot[n]++;
                } else if (response.statusCode() == 409) {
                    conflicts++;
                    failures.add("burst " + burst + " slot " + n + ": 409 Conflict");
                } else {
                    failures.add("burst " + burst + " slot " + n + ": " + response.statusCode() + " " + response.body());
                }
            }
            int[] onA = slots(http, nodeA, cookie);
            int[] onB = slots(http, nodeB, cookie);
            storedPerSlot = onB;
            if (!Arrays.equals(onA, onB) || !Arrays.equals(onB, acknowledgedPerSlot)) {
                wrongAfterBurst.add("after burst " + burst + ": acknowledged " + Arrays.toString(acknowledgedPerSlot)
                        + ", A shows " + Arrays.toString(onA) + ", B shows " + Arrays.toString(onB));
            }
        }

        int stored = Arrays.stream(storedPerSlot).sum();
        System.out.printf("MEASURED %s concurrent-own-beans: bursts=%d concurrency=%d sent=%d acknowledged=%d"
                + " stored=%d lost=%d conflicts=%d other-failures=%d slowest-burst-ms=%d%n", label(), BURSTS, SLOTS,
                sent, acknowledged, stored, acknowledged - stored, conflicts, failures.size() - conflicts, slowest);

        assertEquals(0, conflicts, "merge mode (the default) keeps concurrent changes of different beans:"
                + " no request may answer 409 Conflict, yet " + conflicts + " of " + sent + " did (nothing of them"
                + " was written; see the servers' logs for 'could not save session'): " + failures);
        assertEquals(List.of(), failures, "every request of every burst answered 200");
        assertEquals(List.of(), wrongAfterBurst, "every acknowledged increment stored, both servers agree");
        assertEquals(0, acknowledged - stored, "lost updates");
        int[] expected = new int[SLOTS];
        Arrays.fill(expected, BURSTS);
        String shown = Arrays.toString(storedPerSlot);
        assertTrue(Arrays.equals(expected, storedPerSlot), () -> "every slot at " + BURSTS + ": " + shown);
    }

    /** Starts a session on A (one tally increment) and returns its id. */
    private String startSession(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(nodeA.resolve("tally"))
                .timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return Browser.sessionCookieIn(response.headers(), response.headers().map()).value();
    }

    private static int[] slots(HttpClient http, URI node, String cookie) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.resolve("slots"))
                .header("Cookie", Browser.SESSION_COOKIE + "=" + cookie)
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        int[] values = Arrays.stream(response.body().trim().split(",")).mapToInt(Integer::parseInt).toArray();
        assertEquals(SLOTS, values.length, response::body);
        return values;
    }

    static String state(int tally, List<String> journal) {
        return "tally=" + tally + " journal=" + String.join(",", journal);
    }

    static int parseTally(String state) {
        if (!state.startsWith("tally=") || state.indexOf(' ') < 0) {
            throw new AssertionError("Not a state: " + state);
        }
        return Integer.parseInt(state.substring("tally=".length(), state.indexOf(' ')));
    }

    private static List<String> parseJournal(String state) {
        int at = state.indexOf(" journal=");
        if (at < 0) {
            throw new AssertionError("Not a state: " + state);
        }
        String entries = state.substring(at + " journal=".length());
        return entries.isEmpty() ? List.of() : List.of(entries.split(","));
    }
}
