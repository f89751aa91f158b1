package io.dysession.it.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.dysession.it.concurrency.app.Profile;
import io.dysession.it.support.Browser;
import io.dysession.it.support.SetCookie;
import io.dysession.it.support.TestWar;
import io.dysession.it.support.TwoServers;

/**
 * Concurrent requests of one session that change the same bean, on two Payara Micro instances
 * sharing one table, requests alternating between them; the scenarios that hold in every
 * {@code dysession.concurrency} mode. {@link SameBeanMergeIT} and {@link SameBeanStrictIT} add
 * each mode's own. Every request carries its session's cookie itself, as one browser's parallel
 * requests would.
 */
abstract class SameBeanScenarios extends TwoServers {

    static final String APP = "same-bean";
    static final int CONCURRENT = 16;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final long BURST_BOUND_SECONDS = 180;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The test app (io.dysession.it.concurrency.app) on top of the usual test WAR, in {@code mode}. */
    static WebArchive war(String table, String mode) {
        return TestWar.create(APP, table, List.of("dysession.concurrency=" + mode))
                .addPackage(Profile.class.getPackage());
    }

    /**
     * One request sets the profile's city and waits, after its load, while another on the other
     * server sets the name; then the first ends. Both changes are kept, both answer 200, and no
     * request counts an overwrite: different properties of one bean never conflict.
     */
    @Test
    void overlappingRequestsChangingDifferentPropertiesOfOneBeanKeepBoth() throws Exception {
        String cookie = startSession(nodeA.resolve("profile?name=Ada&city=Rome"));
        long overwritesBefore = overwrites();
        String gate = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> held = sendAsync(post(nodeA, "profile?city=Paris&gate=" + gate, cookie));
        awaitGate(nodeA, gate);
        HttpResponse<String> meanwhile = http.send(post(nodeB, "profile?name=Grace", cookie), ofString());
        openGate(nodeA, gate);
        HttpResponse<String> late = held.get(BURST_BOUND_SECONDS, TimeUnit.SECONDS);

        assertEquals(200, meanwhile.statusCode(), () -> show(meanwhile));
        assertEquals("name=Grace city=Rome", meanwhile.body());
        assertEquals(200, late.statusCode(), () -> "the held request, after name=Grace was written: " + show(late));
        assertEquals("name=Grace city=Paris", text(nodeA, "profile", cookie), "on A");
        assertEquals("name=Grace city=Paris", text(nodeB, "profile", cookie), "on B");
        assertEquals(0, overwrites() - overwritesBefore, "overwrites counted for changes to different properties");
    }

    /**
     * A request changes the profile and waits; meanwhile its session is ended on the other server.
     * The late request learns it: 409 with a short text saying so, no cookie setting a session,
     * and nothing written (no session comes back to life).
     */
    @Test
    void requestWhoseSessionEndedWhileItRanAnswersConflict() throws Exception {
        String cookie = startSession(nodeA.resolve("profile?name=Ada"));
        String gate = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> held = sendAsync(post(nodeA, "profile?city=Paris&gate=" + gate, cookie));
        awaitGate(nodeA, gate);
        HttpResponse<String> logout = http.send(get(nodeB, "logout", cookie), ofString());
        assertEquals(200, logout.statusCode(), () -> show(logout));
        openGate(nodeA, gate);
        HttpResponse<String> late = held.get(BURST_BOUND_SECONDS, TimeUnit.SECONDS);

        assertEquals(409, late.statusCode(), () -> "the request whose session ended while it ran: " + show(late));
        assertTrue(late.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), () -> show(late));
        String said = late.body().toLowerCase(Locale.ROOT);
        assertTrue(said.contains("session") && said.contains("ended") && said.length() < 500,
                () -> "a short text saying that the session ended: " + show(late));
        List<SetCookie> setting = late.headers().allValues("Set-Cookie").stream()
                .map(SetCookie::parse)
                .filter(setCookie -> setCookie.name().equals(Browser.SESSION_COOKIE))
                .filter(setCookie -> !setCookie.value().isEmpty()
                        && !setCookie.attribute("max-age").equals(Optional.of("0")))
                .toList();
        assertEquals(List.of(), setting, () -> "no cookie that sets a session: " + show(late));
        assertEquals("name= city=", text(nodeA, "profile", cookie), "the ended session stays ended, on A");
        assertEquals("name= city=", text(nodeB, "profile", cookie), "the ended session stays ended, on B");
    }

    /**
     * One burst of {@value #CONCURRENT} concurrent increments of the session's counter, alternating
     * A and B, each answering the value it wrote; what it acknowledged, stored and counted.
     */
    Round incrementBurst(int number, String cookie) throws IOException, InterruptedException {
        int before = Integer.parseInt(text(nodeB, "read", cookie));
        long overwritesBefore = overwrites();
        List<Answer> answers = burst(cookie, n -> "increment");
        long overwrites = overwrites() - overwritesBefore;
        int afterOnA = Integer.parseInt(text(nodeA, "read", cookie));
        int afterOnB = Integer.parseInt(text(nodeB, "read", cookie));
        assertEquals(afterOnA, afterOnB, "both servers show the same counter after round " + number);
        return new Round(number, answers, afterOnB - before, overwrites);
    }

    /** What one burst of increments did: its answers, the increments stored, the overwrites counted. */
    record Round(int number, List<Answer> answers, int stored, long overwrites) {

        int acknowledged() {
            return (int) answers.stream().filter(Answer::acknowledged).count();
        }

        int lost() {
            return acknowledged() - stored;
        }

        /** The different values the acknowledged increments answered: a value answered twice proves a conflict. */
        int distinctValues() {
            return (int) answers.stream().filter(Answer::acknowledged).map(Answer::body).distinct().count();
        }

        List<Answer> notAcknowledged() {
            return answers.stream().filter(answer -> !answer.acknowledged()).toList();
        }

        boolean contended() {
            return lost() != 0 || overwrites != 0 || !notAcknowledged().isEmpty();
        }

        String measured(String mode) {
            return String.format("MEASURED same-bean %s round %d: concurrency=%d acknowledged=%d stored=%d lost=%d"
                    + " overwrites=%d distinct-answers=%d refused=%d", mode, number, CONCURRENT, acknowledged(),
                    stored, lost(), overwrites, distinctValues(), notAcknowledged().size());
        }
    }

    /** One request on A that starts a session (it must answer 200 and set the cookie); its id. */
    String startSession(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), ofString());
        assertEquals(200, response.statusCode(), () -> show(response));
        return Browser.sessionCookieIn(response.headers(), show(response)).value();
    }

    /**
     * {@value #CONCURRENT} POSTs at once, even ones on A and odd ones on B, each to the path that
     * {@code paths} gives for its index; the answers in that order, or each failure's exception.
     */
    List<Answer> burst(String cookie, IntFunction<String> paths) throws InterruptedException {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int n = 0; n < CONCURRENT; n++) {
            inFlight.add(sendAsync(post(n % 2 == 0 ? nodeA : nodeB, paths.apply(n), cookie)));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(BURST_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // one of them failed: each is examined below
        } catch (TimeoutException e) {
            inFlight.forEach(future -> future.cancel(true));
            fail("the burst did not complete within " + BURST_BOUND_SECONDS + " s");
        }
        List<Answer> answers = new ArrayList<>();
        for (int n = 0; n < CONCURRENT; n++) {
            try {
                HttpResponse<String> response = inFlight.get(n).join();
                answers.add(new Answer(n, response.statusCode(), response.body()));
            } catch (RuntimeException e) {
                answers.add(new Answer(n, -1, e.toString()));
            }
        }
        return answers;
    }

    /** One answer of a burst: the request's index (even: A, odd: B), its status (-1: no answer) and body. */
    record Answer(int index, int status, String body) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return (index % 2 == 0 ? "A" : "B") + "#" + index + " " + status + " "
                    + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
        }
    }

    /** The overwrites counted by {@code DySessionStatistics}, summed over both servers. */
    long overwrites() throws IOException, InterruptedException {
        return Long.parseLong(text(nodeA, "overwrites", null)) + Long.parseLong(text(nodeB, "overwrites", null));
    }

    /** The body of a GET that must answer 200. */
    String text(URI node, String path, String cookie) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(get(node, path, cookie), ofString());
        assertEquals(200, response.statusCode(), () -> show(response));
        return response.body();
    }

    void awaitGate(URI node, String gate) throws IOException, InterruptedException {
        assertEquals("arrived", text(node, "gate?action=arrived&name=" + encode(gate), null), "the held request arrived");
    }

    void openGate(URI node, String gate) throws IOException, InterruptedException {
        assertEquals("open", text(node, "gate?action=open&name=" + encode(gate), null));
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, ofString());
    }

    static HttpRequest post(URI node, String path, String cookie) {
        return withCookie(HttpRequest.newBuilder(node.resolve(path)), cookie)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    static HttpRequest get(URI node, String path, String cookie) {
        return withCookie(HttpRequest.newBuilder(node.resolve(path)), cookie).GET().build();
    }

    private static HttpRequest.Builder withCookie(HttpRequest.Builder request, String cookie) {
        request.timeout(REQUEST_TIMEOUT);
        return cookie == null ? request : request.header("Cookie", Browser.SESSION_COOKIE + "=" + cookie);
    }

    static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    static String show(HttpResponse<String> response) {
        String body = response.body().length() > 1000 ? response.body().substring(0, 1000) + "..." : response.body();
        return response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
                + response.headers().map() + "\n" + body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
