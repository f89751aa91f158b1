package io.dysession.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.dysession.it.support.Browser;
import io.dysession.it.support.OneServer;
import io.dysession.it.support.TestWar;

/**
 * Async requests: the session stays bound for container-dispatched work and is saved (with the new
 * session's cookie) when the request completes; an application's own thread gets a clear error.
 * The application runs with {@code dysession.concurrency=strict}, which also shows how a conflict
 * reaches the client: 409, nothing written.
 */
class AsyncIT extends OneServer {

    @Deployment(testable = false)
    @TargetsContainer("async")
    static WebArchive app() {
        return TestWar.create("async", "dysession-it-async", List.of("dysession.concurrency=strict"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"async-dispatch", "api/async/suspended", "api/async/stage"})
    void stateChangedInAnAsyncRequestIsSavedWithItsCookie(String path) {
        Browser browser = new Browser();

        Browser.Response first = browser.get(app.resolve(path));
        assertEquals(1, first.count());
        first.sessionCookie();
        assertEquals(2, browser.get(app.resolve(path)).count());
        assertEquals(2, browser.get(app.resolve("read")).count(), "the async requests' state was saved");
        assertEquals(3, browser.get(app.resolve("count")).count());
    }

    // The message is the container's (Weld checks Context.isActive() before asking the context),
    // which names the scope; dysession keeps isActive() truthful rather than supply its own text.
    @Test
    void aBeanUsedOnAnApplicationThreadGetsContextNotActive() {
        Browser.Response response = new Browser().get(app.resolve("async-thread"));
        assertEquals(200, response.status(), () -> response.toString());
        assertTrue(response.body().startsWith("not active: ") && response.body().contains("DySessionScoped"),
                () -> response.toString());
    }

    @Test
    void inStrictModeTheLaterOfTwoOverlappingWritesOfOneBeanGets409AndWritesNothing() throws Exception {
        Browser browser = new Browser();
        assertEquals(1, browser.get(app.resolve("count")).count());

        CompletableFuture<Browser.Response> slow = CompletableFuture.supplyAsync(
                () -> browser.get(app.resolve("slow-count?gate=strict")));
        Browser.Response held = new Browser().get(app.resolve("gate?name=strict&action=arrived"));
        assertEquals(200, held.status(), () -> "the slow request loaded the session and waits: " + held);
        assertEquals(2, browser.get(app.resolve("count")).count(), "the quick request wins");
        assertEquals(200, new Browser().get(app.resolve("gate?name=strict&action=open")).status());
        Browser.Response conflicted = slow.get();
        assertEquals(409, conflicted.status(), () -> conflicted.toString());

        assertEquals(2, browser.get(app.resolve("read")).count(), "the conflicted request wrote nothing");
    }
}
