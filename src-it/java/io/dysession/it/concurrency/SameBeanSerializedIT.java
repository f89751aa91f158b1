package io.dysession.it.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.dysession.it.concurrency.app.Profile;
import io.dysession.it.support.TestWar;

/**
 * {@code dysession.concurrency=serialized} on two servers: requests of one session that use session
 * beans run one at a time across both servers, under the lease lock in the item. A POST waits for
 * another POST's lock (up to {@code dysession.concurrency.lock-wait}, the default {@code PT5S}, then
 * 503 with {@code Retry-After}); a GET reads without the lock. Each increment round prints a
 * {@code MEASURED} line (in target/failsafe-reports/*-output.txt) before it asserts.
 *
 * <p>The scenarios of {@link SameBeanScenarios} hold a request at a gate while another writes; here
 * the other would wait for the held one's lock, so both are overridden with their serialized form.
 */
class SameBeanSerializedIT extends SameBeanScenarios {

    private static final String TABLE = "dysession-it-same-bean-serialized";
    private static final int ROUNDS = 3;
    /** How long a request waiting for the lock is watched before the lock holder goes on. */
    private static final long WAITING_MS = 300;
    private static final long BOUND_SECONDS = 180;

    @Deployment(name = A, order = 1, testable = false)
    @TargetsContainer("same-bean-serialized-a")
    static WebArchive onA() {
        // TestWar sets dysession.dynamodb.call-timeout=PT30S for the slow emulator, and the lease must be
        // at least twice the call timeout; lock-wait stays at its default PT5S.
        return TestWar.create(APP, TABLE, List.of("dysession.concurrency=serialized",
                "dysession.concurrency.lock-lease=PT60S"))
                .addPackage(Profile.class.getPackage());
    }

    @Deployment(name = B, order = 2, testable = false)
    @TargetsContainer("same-bean-serialized-b")
    static WebArchive onB() {
        return onA();
    }

    /**
     * A's POST sets the city and waits at its gate, holding the lock; B's POST of the name waits for
     * that lock: it has not answered {@value #WAITING_MS} ms later. Once the gate opens, A saves and
     * releases, B's POST takes the lock and loads what A wrote: both answer 200, B's answer already
     * shows A's city, both changes are kept, and nothing is counted as an overwrite.
     */
    @Override
    @Test
    void overlappingRequestsChangingDifferentPropertiesOfOneBeanKeepBoth() throws Exception {
        String cookie = startSession(nodeA.resolve("profile?name=Ada&city=Rome"));
        long overwritesBefore = overwrites();
        String gate = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> held = sendAsync(post(nodeA, "profile?city=Paris&gate=" + gate, cookie));
        awaitGate(nodeA, gate);
        CompletableFuture<HttpResponse<String>> waiting = sendAsync(post(nodeB, "profile?name=Grace", cookie));
        Thread.sleep(WAITING_MS);
        boolean answeredWhileLocked = waiting.isDone();
        openGate(nodeA, gate);
        HttpResponse<String> first = held.get(BOUND_SECONDS, TimeUnit.SECONDS);
        HttpResponse<String> second = waiting.get(BOUND_SECONDS, TimeUnit.SECONDS);

        assertFalse(answeredWhileLocked, () -> "B's POST answered while A's request held the lock: " + show(waiting.join()));
        assertEquals(200, first.statusCode(), () -> "the lock holder: " + show(first));
        assertEquals("name=Ada city=Paris", first.body(), "the lock holder saw no change of B's");
        assertEquals(200, second.statusCode(), () -> "the request that waited for the lock: " + show(second));
        assertEquals("name=Grace city=Paris", second.body(), "the waiting request loaded A's change after the lock");
        assertEquals("name=Grace city=Paris", text(nodeA, "profile", cookie), "on A");
        assertEquals("name=Grace city=Paris", text(nodeB, "profile", cookie), "on B");
        assertEquals(0, overwrites() - overwritesBefore, "overwrites counted in serialized mode");
    }

    /**
     * In serialized mode no request ends a session under a locked request's feet, not even a GET
     * (an unlocked method): A's POST holds the lock at its gate, and B's {@code GET /logout} waits for
     * it like any write (its {@code DeleteItem} is conditioned on no live lock). Once the gate opens,
     * A saves first (200), then the logout ends the session (200), gone on both servers.
     */
    @Override
    @Test
    void requestWhoseSessionEndedWhileItRanAnswersConflict() throws Exception {
        logoutWaitsForTheLockHolder(false);
    }

    /** The same with a locked logout ({@code POST /logout}), which takes the lock after A. */
    @Test
    void lockedLogoutWaitsForTheLockHolderThenEndsTheSession() throws Exception {
        logoutWaitsForTheLockHolder(true);
    }

    private void logoutWaitsForTheLockHolder(boolean locked) throws Exception {
        String cookie = startSession(nodeA.resolve("profile?name=Ada"));
        String gate = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> held = sendAsync(post(nodeA, "profile?city=Paris&gate=" + gate, cookie));
        awaitGate(nodeA, gate);
        CompletableFuture<HttpResponse<String>> logout = sendAsync(locked ? post(nodeB, "logout", cookie)
                : get(nodeB, "logout", cookie));
        Thread.sleep(WAITING_MS);
        boolean loggedOutWhileLocked = logout.isDone();
        openGate(nodeA, gate);
        HttpResponse<String> first = held.get(BOUND_SECONDS, TimeUnit.SECONDS);
        HttpResponse<String> then = logout.get(BOUND_SECONDS, TimeUnit.SECONDS);

        assertFalse(loggedOutWhileLocked, () -> "the logout answered while A's request held the lock: " + show(then));
        assertEquals(200, first.statusCode(), () -> "the lock holder saves first: " + show(first));
        assertEquals("name=Ada city=Paris", first.body());
        assertEquals(200, then.statusCode(), () -> "the logout, after the lock holder: " + show(then));
        assertEquals("bye", then.body());
        assertEquals("name= city=", text(nodeA, "profile", cookie), "the session is gone afterwards, on A");
        assertEquals("name= city=", text(nodeB, "profile", cookie), "the session is gone afterwards, on B");
    }

    /**
     * A's POST holds the lock at its gate for longer than the lock wait ({@code PT5S}): B's POST
     * waits that long, then answers 503 with {@code Retry-After} and writes nothing; A, let go
     * afterwards, saves (200), and only A's change is stored.
     */
    @Test
    void requestWaitingPastTheLockWaitAnswers503WithRetryAfterAndWritesNothing() throws Exception {
        String cookie = startSession(nodeA.resolve("profile?name=Ada&city=Rome"));
        String gate = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> held = sendAsync(post(nodeA, "profile?city=Paris&gate=" + gate, cookie));
        awaitGate(nodeA, gate);
        long sent = System.nanoTime();
        HttpResponse<String> refused;
        try {
            refused = http.send(post(nodeB, "profile?name=Grace", cookie), ofString());
        } finally {
            openGate(nodeA, gate);
        }
        long waitedMs = (System.nanoTime() - sent) / 1_000_000;
        HttpResponse<String> first = held.get(BOUND_SECONDS, TimeUnit.SECONDS);
        System.out.println("MEASURED same-bean serialized lock-wait: PT5S, refused after " + waitedMs + " ms with "
                + refused.statusCode() + " Retry-After=" + refused.headers().firstValue("Retry-After").orElse("-"));

        assertEquals(503, refused.statusCode(), () -> "past the lock wait: " + show(refused));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), () -> "503 with Retry-After: " + show(refused));
        assertTrue(waitedMs >= 4_500, () -> "refused after " + waitedMs + " ms, before the lock wait of PT5S ran out");
        assertEquals(200, first.statusCode(), () -> "the lock holder: " + show(first));
        assertEquals("name=Ada city=Paris", first.body());
        assertEquals("name=Ada city=Paris", text(nodeA, "profile", cookie), "the refused request wrote nothing, on A");
        assertEquals("name=Ada city=Paris", text(nodeB, "profile", cookie), "the refused request wrote nothing, on B");
    }

    /**
     * {@value #ROUNDS} bursts of {@value #CONCURRENT} concurrent increments (POST) of one counter: no
     * increment is lost (acknowledged = stored), the acknowledged answers are all different values (they
     * ran one at a time), no 409 and no overwrite; a request refused is refused only past the lock wait,
     * with 503 and {@code Retry-After}.
     */
    @Test
    void concurrentIncrementsOfOneCounterRunOneAtATime() throws Exception {
        String cookie = startSession(nodeA.resolve("increment"));
        List<Round> rounds = new ArrayList<>();
        List<List<HttpResponse<String>>> responses = new ArrayList<>();
        for (int number = 1; number <= ROUNDS; number++) {
            int before = Integer.parseInt(text(nodeB, "read", cookie));
            long overwritesBefore = overwrites();
            List<HttpResponse<String>> burst = incrementsAtOnce(cookie);
            long overwrites = overwrites() - overwritesBefore;
            int afterOnA = Integer.parseInt(text(nodeA, "read", cookie));
            int afterOnB = Integer.parseInt(text(nodeB, "read", cookie));
            assertEquals(afterOnA, afterOnB, "both servers show the same counter after round " + number);
            List<Answer> answers = new ArrayList<>();
            for (int n = 0; n < burst.size(); n++) {
                answers.add(new Answer(n, burst.get(n).statusCode(), burst.get(n).body()));
            }
            Round round = new Round(number, answers, afterOnB - before, overwrites);
            System.out.println(measured(round, burst));
            rounds.add(round);
            responses.add(burst);
        }

        for (int r = 0; r < ROUNDS; r++) {
            Round round = rounds.get(r);
            String shown = measured(round, responses.get(r)) + "\n" + round.answers();
            assertEquals(round.acknowledged(), round.stored(), () -> "every acknowledged increment stored: " + shown);
            assertEquals(round.acknowledged(), round.distinctValues(), () -> "each answered a value of its own: " + shown);
            assertEquals(0, round.overwrites(), () -> "serialized mode overwrites nothing: " + shown);
            for (HttpResponse<String> response : responses.get(r)) {
                if (response.statusCode() >= 200 && response.statusCode() < 300) {
                    continue;
                }
                assertEquals(503, response.statusCode(), () -> "only 503 (past the lock wait), no 409: " + show(response)
                        + "\n" + shown);
                assertTrue(response.headers().firstValue("Retry-After").isPresent(),
                        () -> "a 503 carries Retry-After: " + show(response));
            }
        }
    }

    /** {@value #CONCURRENT} POST /increment at once, even ones on A and odd ones on B; the responses in that order. */
    private List<HttpResponse<String>> incrementsAtOnce(String cookie) throws InterruptedException {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int n = 0; n < CONCURRENT; n++) {
            inFlight.add(sendAsync(post(n % 2 == 0 ? nodeA : nodeB, "increment", cookie)));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            fail("a request of the burst got no answer: " + e.getCause());
        } catch (TimeoutException e) {
            inFlight.forEach(future -> future.cancel(true));
            fail("the burst did not complete within " + BOUND_SECONDS + " s");
        }
        return inFlight.stream().map(CompletableFuture::join).toList();
    }

    private static String measured(Round round, List<HttpResponse<String>> responses) {
        long unavailable = responses.stream().filter(response -> response.statusCode() == 503).count();
        long withRetryAfter = responses.stream().filter(response -> response.statusCode() == 503)
                .filter(response -> response.headers().firstValue("Retry-After").isPresent()).count();
        long conflicts = responses.stream().filter(response -> response.statusCode() == 409).count();
        return round.measured("serialized") + " 503s=" + unavailable + " 503s-with-retry-after=" + withRetryAfter
                + " 409s=" + conflicts + " retry-after=" + responses.stream().filter(response -> response.statusCode() == 503)
                        .map(response -> response.headers().firstValue("Retry-After").orElse("-")).distinct().toList();
    }
}
