package io.dysession.it.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dysession.it.support.Browser;
import io.dysession.it.support.BuildEnvironment;
import io.dysession.it.support.OneServer;
import io.dysession.it.support.TestWar;
import io.dysession.test.FaultProxy;

/**
 * DynamoDB that accepts connections and never answers, in front of a real Payara Micro: while 64
 * requests that need their session wait on it, requests that use no session bean are served; when
 * DynamoDB then refuses, the 64 get 503 with Retry-After, and all is well again once DynamoDB is.
 */
class StoreHangIT extends OneServer {

    private static final int HANGING = 64;
    private static final String TABLE = "dysession-it-store-hang";
    private static final FaultProxy PROXY = FaultProxy.start(System.getProperty(BuildEnvironment.ENDPOINT_PROPERTY));

    @Deployment(testable = false)
    @TargetsContainer("store-hang")
    static WebArchive app() {
        // The session requests hang until the test ends the outage (the call timeout itself is
        // StoreFaultsTest's); fail-fast off: every one of the 64 requests must really wait on DynamoDB.
        return TestWar.create("store-hang", PROXY.endpoint(), TABLE, true,
                List.of("dysession.dynamodb.call-timeout=PT60S", "dysession.dynamodb.attempt-timeout=PT60S",
                        "dysession.dynamodb.fail-fast-after=0", "dysession.dynamodb.max-connections=" + HANGING));
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @Test
    void requestsWithoutSessionBeansAreServedWhileSessionRequestsHangThenGet503() throws Exception {
        Browser browser = new Browser();
        assertEquals("1", browser.get(app.resolve("count")).body());
        String cookie = Browser.SESSION_COOKIE + "=" + browser.sessionId(app).orElseThrow();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        PROXY.hang();
        List<CompletableFuture<HttpResponse<String>>> hanging = new ArrayList<>();
        for (int i = 0; i < HANGING; i++) {
            hanging.add(http.sendAsync(HttpRequest.newBuilder(app.resolve("read")).header("Cookie", cookie)
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        awaitHanging(HANGING);

        for (int i = 0; i < 20; i++) {
            Browser.Response plain = new Browser().get(app.resolve("plain"));
            assertEquals(200, plain.status(), plain::toString);
        }
        assertFalse(hanging.stream().anyMatch(CompletableFuture::isDone),
                "the session requests were still waiting on DynamoDB while /plain was served");

        PROXY.refuse(); // the outage turns from hanging to refusing: the waiting calls fail now

        for (CompletableFuture<HttpResponse<String>> request : hanging) {
            HttpResponse<String> response = request.get(60, TimeUnit.SECONDS);
            assertEquals(503, response.statusCode(), response::body);
            assertEquals("1", response.headers().firstValue("Retry-After").orElse(""), response.headers()::toString);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(response.body().startsWith("Session storage is unavailable."), response.body());
            assertFalse(response.body().contains(TABLE) || response.body().contains("127.0.0.1"),
                    "no table or endpoint in the answer: " + response.body());
        }

        PROXY.heal();
        assertEquals("1", browser.get(app.resolve("read")).body(), "the session survived the outage");
        assertEquals("2", browser.get(app.resolve("count")).body());
    }

    /** Waits until the proxy holds {@code calls} calls at once: every session request is then waiting on DynamoDB. */
    private static void awaitHanging(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int most = 0;
        while (PROXY.hanging() < calls && System.nanoTime() < deadline) {
            most = Math.max(most, PROXY.hanging());
            Thread.sleep(5);
        }
        assertTrue(PROXY.hanging() >= calls, "calls waiting on DynamoDB at once: at most " + most);
    }
}
