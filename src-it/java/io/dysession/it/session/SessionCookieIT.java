package io.dysession.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.dysession.it.support.Browser;
import io.dysession.it.support.OneServer;
import io.dysession.it.support.SetCookie;
import io.dysession.it.support.TestWar;

/**
 * The session cookie as sent over plain HTTP, when it is sent at all, and what happens to an id
 * the server did not issue: never adopted, a fresh session instead.
 */
class SessionCookieIT extends OneServer {

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern SERVER_TIMING_CALL = Pattern.compile("dynamodb-\\d+;desc=\"(\\w+)\";dur=[0-9.]+");
    private static final Pattern ITEM_SIZE = Pattern.compile("dysession-item;desc=\"(\\d+) bytes\"");

    @Deployment(testable = false)
    @TargetsContainer("session-cookie")
    static WebArchive app() {
        return TestWar.create("session-cookie", "dysession-it-session-cookie", List.of("dysession.server-timing=true"));
    }

    // dysession.server-timing=true (SessionStateIT shows the default: no header).
    @Test
    void serverTimingNamesEachDynamoDbCallOfTheRequestAndTheItemSize() {
        Browser browser = new Browser();
        Browser.Response created = browser.get(app.resolve("count"));
        assertEquals(List.of("PutItem"), operations(created), () -> created.toString());
        long written = itemBytes(created);
        assertTrue(written > 100 && written < 1000, () -> "a counter's item: " + created);

        Browser.Response read = browser.get(app.resolve("read"));
        assertEquals(List.of("GetItem"), operations(read), () -> read.toString());
        assertEquals(written, itemBytes(read), "the item read is the item written");

        Browser.Response counted = browser.get(app.resolve("count"));
        assertEquals(List.of("GetItem", "UpdateItem"), operations(counted), () -> counted.toString());

        Browser.Response plain = browser.get(app.resolve("plain"));
        assertEquals(List.of(), plain.headers().allValues("Server-Timing"), "no session used, no call made");
    }

    private static List<String> operations(Browser.Response response) {
        String header = response.headers().firstValue("Server-Timing").orElse("");
        return SERVER_TIMING_CALL.matcher(header).results().map(call -> call.group(1)).toList();
    }

    private static long itemBytes(Browser.Response response) {
        String header = response.headers().firstValue("Server-Timing").orElse("");
        return ITEM_SIZE.matcher(header).results().mapToLong(size -> Long.parseLong(size.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError("no item size in " + response));
    }

    @Test
    void theCookieIsHttpOnlySameSiteLaxScopedToTheAppAndEndsWithTheBrowser() {
        Browser.Response created = new Browser().get(app.resolve("count"));
        assertEquals(1, created.count());

        SetCookie cookie = created.sessionCookie();
        assertEquals(1, created.setCookieHeaders().size(), () -> created.toString());
        assertTrue(SESSION_ID.matcher(cookie.value()).matches(), () -> "43 base64url characters: " + cookie.raw());
        assertTrue(cookie.has("HttpOnly"), () -> cookie.raw());
        assertEquals("lax", cookie.attribute("SameSite").orElse("(none)").toLowerCase(Locale.ROOT), () -> cookie.raw());
        assertEquals("/session-cookie", cookie.attribute("Path").orElse("(none)"), () -> cookie.raw());
        assertFalse(cookie.has("Secure"), () -> "not Secure over plain http: " + cookie.raw());
        assertFalse(cookie.has("Max-Age"), () -> "a browser-session cookie: " + cookie.raw());
        assertFalse(cookie.has("Expires"), () -> "a browser-session cookie: " + cookie.raw());
    }

    @Test
    void onlyTheRequestThatCreatesTheSessionSetsTheCookie() {
        Browser browser = new Browser();
        String id = browser.get(app.resolve("count")).sessionCookie().value();
        assertEquals(id, browser.sessionId(app).orElseThrow(), "the browser keeps the cookie for the app's path");

        assertNoCookie(browser.get(app.resolve("read")), 1);
        assertNoCookie(browser.get(app.resolve("count")), 2);
        assertNoCookie(browser.get(app.resolve("plain")), -1);
        assertEquals(id, browser.sessionId(app).orElseThrow());
    }

    @Test
    void aRequestThatChangesNoSessionStateCreatesNoSession() {
        Browser browser = new Browser();

        assertNoCookie(browser.get(app.resolve("read")), 0);
        assertNoCookie(browser.get(app.resolve("plain")), -1);
        assertTrue(browser.sessionId(app).isEmpty());
    }

    @Test
    void askingForTheIdCreatesTheSession() {
        Browser.Response response = new Browser().get(app.resolve("id"));

        assertEquals(200, response.status(), () -> response.toString());
        assertEquals(response.sessionCookie().value(), response.body(), "DySession.id() is the cookie's value");
    }

    @Test
    void aMalformedCookieIsIgnoredAndAFreshSessionIssued() {
        List<String> malformed = List.of(
                "abc",
                "../../x",
                "",
                wellFormedId().substring(1) + "+",
                wellFormedId().substring(1) + ".",
                wellFormedId() + "A");
        for (String value : malformed) {
            Browser browser = new Browser();
            browser.holdSessionCookie(app, value);

            Browser.Response response = browser.get(app.resolve("count"));
            assertEquals(1, response.count(), () -> "count restarts for DYSESSION=" + value + ": " + response);
            String issued = response.sessionCookie().value();
            assertNotEquals(value, issued);
            assertTrue(SESSION_ID.matcher(issued).matches(), () -> response.toString());
            assertEquals(issued, browser.sessionId(app).orElseThrow(), "the new cookie replaces the malformed one");

            assertEquals(2, browser.get(app.resolve("count")).count(), () -> "the fresh session after DYSESSION=" + value);
        }
    }

    @Test
    void aWellFormedUnknownIdIsNeverAdopted() {
        String planted = wellFormedId();
        Browser victim = new Browser();
        victim.holdSessionCookie(app, planted);

        Browser.Response response = victim.get(app.resolve("count"));
        assertEquals(1, response.count(), () -> response.toString());
        String issued = response.sessionCookie().value();
        assertNotEquals(planted, issued, "a fresh id, not the one the browser sent");
        assertEquals(issued, victim.sessionId(app).orElseThrow(), "the new cookie replaces the planted one");
        assertEquals(2, victim.get(app.resolve("count")).count());

        Browser attacker = new Browser();
        attacker.holdSessionCookie(app, planted);
        Browser.Response attackerView = attacker.get(app.resolve("read"));
        assertEquals(0, attackerView.count(), () -> "no session exists under the planted id: " + attackerView);
        assertTrue(attackerView.setCookieHeaders().stream().noneMatch(header -> header.contains(planted)),
                () -> attackerView.toString());
    }

    private static void assertNoCookie(Browser.Response response, int expectedCount) {
        if (expectedCount >= 0) {
            assertEquals(expectedCount, response.count(), () -> response.toString());
        } else {
            assertEquals(200, response.status(), () -> response.toString());
        }
        assertEquals(List.of(), response.setCookieHeaders(), () -> "no Set-Cookie expected: " + response);
    }

    private static String wellFormedId() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
