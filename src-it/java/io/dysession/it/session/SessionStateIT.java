package io.dysession.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dysession.it.support.Browser;
import io.dysession.it.support.OneServer;
import io.dysession.it.support.TestWar;

/**
 * {@code @DySessionScoped} state lives across requests, per browser, and is saved (with the new
 * session's cookie) before the response commits: on a redirect, a flush, a body larger than the
 * buffer, or the declared content length reached.
 */
class SessionStateIT extends OneServer {

    @Deployment(testable = false)
    @TargetsContainer("session-state")
    static WebArchive app() {
        return TestWar.create("session-state", "dysession-it-session-state");
    }

    @Test
    void stateSurvivesAcrossRequests() {
        Browser browser = new Browser();

        Browser.Response first = browser.get(app.resolve("count"));
        assertEquals(1, first.count());
        assertEquals(List.of(), first.headers().allValues("Server-Timing"),
                "no Server-Timing header unless dysession.server-timing=true");
        assertEquals(2, browser.get(app.resolve("count")).count());
        assertEquals(3, browser.get(app.resolve("count")).count());
        assertEquals(3, browser.get(app.resolve("read")).count());
    }

    @Test
    void eachBrowserHasItsOwnSession() {
        Browser first = new Browser();
        Browser second = new Browser();

        assertEquals(1, first.get(app.resolve("count")).count());
        assertEquals(2, first.get(app.resolve("count")).count());
        assertEquals(1, second.get(app.resolve("count")).count(), "a browser without a cookie starts afresh");
        assertEquals(3, first.get(app.resolve("count")).count());
        assertEquals(2, second.get(app.resolve("count")).count());
    }

    @Test
    void redirectAfterPostShowsWhatThePostStored() {
        Browser browser = new Browser();
        String text = "sent-" + UUID.randomUUID();

        Browser.Response posted = browser.postForm(app.resolve("note"), "text", text);
        assertEquals(302, posted.status(), () -> "sendRedirect: " + posted);
        posted.sessionCookie(); // the POST created the session, and its cookie is on the redirect
        URI location = app.resolve(posted.headers().firstValue("Location").orElseThrow());
        assertTrue(location.getPath().endsWith("/session-state/note"), () -> "Location of " + posted);

        Browser.Response shown = browser.get(location);
        assertEquals(200, shown.status(), () -> shown.toString());
        assertEquals(text, shown.body(), "the GET right after the redirect sees what the POST stored");
    }

    @Test
    void seeOtherAfterPostOnAnExistingSessionShowsTheNewValue() {
        Browser browser = new Browser();
        browser.postForm(app.resolve("note"), "text", "first").sessionCookie(); // creates the session
        String text = "second-" + UUID.randomUUID();

        Browser.Response posted = browser.postForm(app.resolve("note"), "text", text, "status", "303");
        assertEquals(303, posted.status(), () -> posted.toString());
        assertEquals(0, posted.setCookieHeaders().size(), () -> "no new cookie for an existing session: " + posted);

        Browser.Response shown = browser.get(app.resolve(posted.headers().firstValue("Location").orElseThrow()));
        assertEquals(200, shown.status(), () -> shown.toString());
        assertEquals(text, shown.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"flush", "overflow", "length"})
    void theSessionIsSavedAndItsCookieSentBeforeTheResponseCommits(String mode) {
        Browser browser = new Browser();

        Browser.Response first = browser.get(app.resolve("large?mode=" + mode));
        assertEquals(200, first.status(), () -> first.toString());
        assertEquals("1", first.body().lines().findFirst().orElseThrow());
        first.sessionCookie();

        assertEquals(2, browser.get(app.resolve("count")).count(), "the state written before commit was saved");
        Browser.Response third = browser.get(app.resolve("large?mode=" + mode));
        assertEquals("3", third.body().lines().findFirst().orElseThrow());
        assertEquals(3, browser.get(app.resolve("read")).count());
    }

    @Test
    void theServerReportsTheTableReadyAndTheSessionMetrics() {
        Browser browser = new Browser();
        assertEquals(1, browser.get(app.resolve("count")).count());

        Browser.Response ready = browser.get(app.resolve("/health/ready"));
        assertEquals(200, ready.status(), () -> ready.toString());
        // named after the application, its context path here, such as "dysession /session-state"
        String contextPath = app.getPath().substring(0, app.getPath().length() - 1);
        assertTrue(ready.body().contains("\"name\":\"dysession " + contextPath + "\"")
                && ready.body().contains("\"status\":\"ACTIVE\""), () -> ready.toString());

        Browser.Response metrics = browser.get(app.resolve("/metrics?scope=application"));
        assertEquals(200, metrics.status(), () -> metrics.toString());
        String tag = "dysession_app=\"" + contextPath + "\"";
        assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("dysession_sessions_created{")
                && line.contains(tag)), () -> metrics.toString());
        assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("dysession_dynamodb_calls{")
                && line.contains(tag)), () -> metrics.toString());
    }
}
