package io.dysession.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.dysession.it.support.Browser;
import io.dysession.it.support.SetCookie;

/**
 * The session id's life as a security reviewer checks it from the outside, on the security app
 * ({@link SecurityApp}): the id changes at login and the old one dies, logout clears the cookie and
 * kills the id, the cookie attributes, and clients that carry the id in the header only; and, last,
 * no session id that this test saw in the server's log.
 */
class SessionIdSecurityIT extends SecurityApp {

    // ---- 1. rotation after login

    @Test
    @Order(1)
    void loginRotatesTheIdKeepsTheStateAndKillsTheOldId() {
        Browser browser = new Browser();
        Browser.Response first = ids().seen(browser.get(app.resolve("count")));
        assertEquals(1, first.count());
        String beforeLogin = first.sessionCookie().value();
        assertEquals(2, ids().seen(browser.get(app.resolve("count"))).count());

        Browser.Response login = ids().seen(browser.get(app.resolve("login")));
        assertEquals(3, login.count(), () -> "login counts too: " + login);
        SetCookie rotated = login.sessionCookie();
        assertWellFormed(rotated.value(), login);
        assertNotEquals(beforeLogin, rotated.value(), () -> "a new id at login: " + login);
        assertEquals(Optional.of("7200"), rotated.attribute("Max-Age"), rotated::raw);
        assertEquals(Optional.of(rotated.value()), login.headers().firstValue(ID_HEADER),
                () -> "the id header carries the rotated id too: " + login);
        assertEquals(rotated.value(), browser.sessionId(app).orElseThrow(), "the browser now holds the new id");

        assertEquals(4, ids().seen(browser.get(app.resolve("count"))).count(), "the state followed the new id");
        assertEquals("new=false timeout=PT30M", ids().seen(browser.get(app.resolve("whoami"))).body());

        Browser stale = new Browser();
        stale.holdSessionCookie(app, beforeLogin);
        Browser.Response staleCount = ids().seen(stale.get(app.resolve("count")));
        assertEquals(1, staleCount.count(), () -> "the pre-login id starts afresh: " + staleCount);
        String issued = staleCount.sessionCookie().value();
        assertWellFormed(issued, staleCount);
        assertNotEquals(beforeLogin, issued, "the pre-login id is not adopted");
        assertNotEquals(rotated.value(), issued);

        Browser reader = new Browser();
        reader.holdSessionCookie(app, beforeLogin);
        Browser.Response staleRead = ids().seen(reader.get(app.resolve("read")));
        assertEquals(0, staleRead.count(), () -> "nothing under the pre-login id: " + staleRead);
        assertGivesNoId(staleRead);
        reader.holdSessionCookie(app, beforeLogin);
        assertEquals("new=true timeout=PT30M", ids().seen(reader.get(app.resolve("whoami"))).body());

        assertEquals(4, ids().seen(browser.get(app.resolve("read"))).count(), "the logged-in session is untouched");
    }

    // ---- 2. logout

    @Test
    @Order(2)
    void logoutClearsTheCookieAndTheOldIdStartsAfresh() {
        Browser browser = new Browser();
        Browser.Response first = ids().seen(browser.get(app.resolve("count")));
        String id = first.sessionCookie().value();
        assertEquals(2, ids().seen(browser.get(app.resolve("count"))).count());

        Browser.Response logout = ids().seen(browser.get(app.resolve("logout")));
        assertEquals(200, logout.status(), () -> logout.toString());
        assertEquals("bye", logout.body());
        SetCookie cleared = logout.sessionCookie();
        assertEquals("", cleared.value(), cleared::raw);
        assertEquals(Optional.of("0"), cleared.attribute("Max-Age"), cleared::raw);
        assertEquals(Optional.of("/security"), cleared.attribute("Path"), cleared::raw);
        assertTrue(cleared.has("HttpOnly"), cleared::raw);
        assertEquals(Optional.of("strict"), cleared.attribute("SameSite").map(v -> v.toLowerCase(Locale.ROOT)),
                cleared::raw);
        assertTrue(browser.sessionId(app).isEmpty(), "the browser dropped the cookie");

        Browser replay = new Browser();
        replay.holdSessionCookie(app, id);
        Browser.Response replayRead = ids().seen(replay.get(app.resolve("read")));
        assertEquals(0, replayRead.count(), () -> "nothing left under the logged-out id: " + replayRead);
        assertGivesNoId(replayRead);
        replay.holdSessionCookie(app, id);
        Browser.Response replayCount = ids().seen(replay.get(app.resolve("count")));
        assertEquals(1, replayCount.count(), () -> replayCount.toString());
        assertNotEquals(id, replayCount.sessionCookie().value(), "the logged-out id is not reused");

        Browser.Response again = ids().seen(browser.get(app.resolve("count")));
        assertEquals(1, again.count(), () -> "after logout the browser starts afresh: " + again);
        assertNotEquals(id, again.sessionCookie().value());
    }

    // ---- 3. cookie attributes under this configuration

    @Test
    @Order(3)
    void theCookieHasMaxAgeSameSiteStrictAndIsRefreshedOnlyWhenTheSessionIsWritten() {
        Browser browser = new Browser();
        Browser.Response created = ids().seen(browser.get(app.resolve("count")));
        assertEquals(1, created.count());
        SetCookie cookie = created.sessionCookie();
        assertWellFormed(cookie.value(), created);
        assertEquals(Optional.of("7200"), cookie.attribute("Max-Age"), cookie::raw);
        assertEquals(Optional.of("strict"), cookie.attribute("SameSite").map(v -> v.toLowerCase(Locale.ROOT)),
                cookie::raw);
        assertTrue(cookie.has("HttpOnly"), cookie::raw);
        assertEquals(Optional.of("/security"), cookie.attribute("Path"), cookie::raw);
        assertFalse(cookie.has("Secure"), () -> "plain http, secure=auto: " + cookie.raw());
        assertFalse(cookie.has("Domain"), cookie::raw);

        Browser.Response changed = ids().seen(browser.get(app.resolve("count")));
        assertEquals(2, changed.count());
        SetCookie refreshed = changed.sessionCookie();
        assertEquals(cookie.value(), refreshed.value(), () -> "the same id, sent again: " + changed);
        assertEquals(Optional.of("7200"), refreshed.attribute("Max-Age"), refreshed::raw);
        assertEquals(Optional.of("strict"), refreshed.attribute("SameSite").map(v -> v.toLowerCase(Locale.ROOT)),
                refreshed::raw);
        assertTrue(refreshed.has("HttpOnly"), refreshed::raw);

        Browser.Response read = ids().seen(browser.get(app.resolve("read")));
        assertEquals(2, read.count());
        assertEquals(List.of(), read.setCookieHeaders(), () -> "a read-only request writes no cookie: " + read);
        assertEquals(Optional.empty(), read.headers().firstValue(ID_HEADER), () -> read.toString());
    }

    // ---- 4. ids in a request header

    @Test
    @Order(4)
    void aClientWithoutCookiesCarriesTheIdInTheHeader() {
        HttpClient api = HttpClient.newBuilder() // no cookie handler: cookies are neither kept nor sent
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        Browser.Response first = ids().seen(send(api, "count", null));
        assertEquals(1, first.count());
        String id = first.headers().firstValue(ID_HEADER)
                .orElseThrow(() -> new AssertionError("no " + ID_HEADER + " on the response that created the session: "
                        + first));
        assertWellFormed(id, first);
        assertEquals(id, first.sessionCookie().value(), "header and cookie carry the same id");

        Browser.Response second = ids().seen(send(api, "count", id));
        assertEquals(2, second.count(), () -> "the header id finds the session: " + second);
        assertEquals(Optional.empty(), second.headers().firstValue(ID_HEADER),
                () -> "the id header comes back only when the id is new: " + second);
        assertEquals(2, ids().seen(send(api, "read", id)).count());
        assertEquals("new=false timeout=PT30M", ids().seen(send(api, "whoami", id)).body());

        Browser.Response without = ids().seen(send(api, "count", null));
        assertEquals(1, without.count(), () -> "no id, no session: " + without);
        assertNotEquals(id, without.headers().firstValue(ID_HEADER).orElseThrow());

        Browser.Response login = ids().seen(send(api, "login", id));
        assertEquals(3, login.count(), () -> login.toString());
        String rotated = login.headers().firstValue(ID_HEADER)
                .orElseThrow(() -> new AssertionError("no " + ID_HEADER + " after rotation: " + login));
        assertWellFormed(rotated, login);
        assertNotEquals(id, rotated);
        assertEquals(rotated, login.sessionCookie().value());
        assertEquals(4, ids().seen(send(api, "count", rotated)).count(), "the state followed the rotated id");
        Browser.Response old = ids().seen(send(api, "read", id));
        assertEquals(0, old.count(), () -> "the pre-rotation header id is dead: " + old);
        assertGivesNoId(old);
    }

    /** {@code GET path}, with the id in the {@code X-DySession} header when not null. */
    private Browser.Response send(HttpClient client, String path, String id) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(app.resolve(path)).timeout(TIMEOUT).GET();
        if (id != null) {
            builder.header(ID_HEADER, id);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(request.method(), request.uri(), response.statusCode(), response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("GET " + request.uri() + " was interrupted", e);
        }
    }
}
