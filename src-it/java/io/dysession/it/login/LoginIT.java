package io.dysession.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.dysession.it.login.token.TokenMechanism;
import io.dysession.it.support.Browser;
import io.dysession.it.support.TestWar;
import io.dysession.it.support.TwoServers;

/**
 * Two Payara Micro instances, no clustering, no sticky sessions, one table, and the application's
 * own {@code HttpAuthenticationMechanism} annotated {@code @DySessionLogin}: a login made on one
 * server holds on the other, with its groups, until it ends on either; a caller's sessions are
 * listed and revoked from any server.
 */
class LoginIT extends TwoServers {

    @Deployment(name = A, order = 1, testable = false)
    @TargetsContainer("login-a")
    static WebArchive onA() {
        return TestWar.create("login", "dysession-it-login", List.of("dysession.login.max-sessions=2"))
                .addPackage(TokenMechanism.class.getPackage());
    }

    @Deployment(name = B, order = 2, testable = false)
    @TargetsContainer("login-b")
    static WebArchive onB() {
        return onA();
    }

    @Test
    void aLoginOnOneServerHoldsOnTheOtherWithItsGroups() {
        Browser alice = new Browser();
        Browser.Response login = logIn(alice, nodeA, "alice");
        assertEquals("principal=alice admin=true caller=alice", login.body(), login::toString);

        Browser.Response onB = alice.get(nodeB.resolve("me"));
        assertEquals("principal=alice admin=true caller=alice", onB.body(), onB::toString);
        assertNotEquals(login.headers().firstValue("X-Server-Pid"), onB.headers().firstValue("X-Server-Pid"));
        assertEquals(List.of(), onB.setCookieHeaders(), onB::toString);

        assertEquals(200, alice.get(nodeB.resolve("secure/admin")).status());
        assertEquals("admin alice", alice.get(nodeB.resolve("secure/admin")).body());
        assertEquals(200, alice.get(nodeB.resolve("secure/user")).status());
        assertEquals("protected alice", alice.get(nodeB.resolve("protected")).body());

        Browser bob = new Browser();
        logIn(bob, nodeA, "bob");
        Browser.Response forbidden = bob.get(nodeB.resolve("secure/admin"));
        assertEquals(403, forbidden.status(), forbidden::toString);
        assertEquals("user bob", bob.get(nodeB.resolve("secure/user")).body());
        assertEquals("principal=bob admin=false caller=bob", bob.get(nodeB.resolve("me")).body());

        Browser anonymous = new Browser();
        assertEquals("principal=none admin=false caller=none", anonymous.get(nodeB.resolve("me")).body());
        // Payara answers an anonymous @RolesAllowed call with 401 or 403 (both seen); never 200.
        Browser.Response refused = anonymous.get(nodeB.resolve("secure/user"));
        assertTrue(refused.status() == 401 || refused.status() == 403, refused::toString);
        // A servlet security constraint: the mechanism is asked with isProtected() and answers 401.
        Browser.Response unauthorized = anonymous.get(nodeB.resolve("protected"));
        assertEquals(401, unauthorized.status(), unauthorized::toString);
    }

    @Test
    void logoutOnOneServerIsAnonymousOnTheOther() {
        Browser browser = new Browser();
        logIn(browser, nodeA, "alice");
        assertEquals(1, browser.get(nodeA.resolve("count")).count());

        Browser.Response signOut = browser.get(nodeB.resolve("signout"));
        assertEquals(200, signOut.status(), signOut::toString);
        Browser.Response onA = browser.get(nodeA.resolve("me"));
        assertEquals("principal=none admin=false caller=none", onA.body(), onA::toString);
        Browser.Response refused = browser.get(nodeA.resolve("secure/user"));
        assertTrue(refused.status() == 401 || refused.status() == 403, refused::toString);
        assertEquals(2, browser.get(nodeA.resolve("count")).count(), "the session and its state stay");
    }

    @Test
    void invalidateEndsTheLogin() {
        Browser browser = new Browser();
        logIn(browser, nodeA, "alice");
        assertEquals(200, browser.get(nodeB.resolve("logout")).status());
        assertEquals("principal=none admin=false caller=none", browser.get(nodeA.resolve("me")).body());
    }

    @Test
    void theIdFromBeforeTheLoginNoLongerWorksAfterIt() {
        Browser browser = new Browser();
        assertEquals(1, browser.get(nodeA.resolve("count")).count());
        String before = browser.sessionId(nodeA).orElseThrow();

        Browser.Response login = logIn(browser, nodeA, "alice");
        String after = login.sessionCookie().value();
        assertNotEquals(before, after, "rotated at login");
        assertEquals(2, browser.get(nodeB.resolve("count")).count(), "same state under the new id");

        Browser attacker = new Browser();
        attacker.holdSessionCookie(nodeB, before);
        Browser.Response fixed = attacker.get(nodeB.resolve("me"));
        assertEquals("principal=none admin=false caller=none", fixed.body(), fixed::toString);
        assertEquals(1, attacker.get(nodeB.resolve("count")).count(), "a fresh session, not the victim's");
    }

    @Test
    void aCallersSessionsAreListedWithTheirClientsAndRevokedFromAnyServer() {
        String caller = "carol";
        Browser admin = new Browser();
        admin.get(nodeA.resolve("registry/invalidate-all?caller=" + caller));
        Browser firefox = new Browser("Firefox-test/1.0");
        Browser chrome = new Browser("Chrome-test/2.0");
        logIn(firefox, nodeA, caller);
        logIn(chrome, nodeB, caller);

        Map<String, String> sessions = sessions(admin, nodeB, caller);
        assertEquals(Set.of("Firefox-test/1.0", "Chrome-test/2.0"), Set.copyOf(sessions.values()), sessions::toString);
        String firefoxHandle = sessions.entrySet().stream().filter(e -> e.getValue().startsWith("Firefox"))
                .findFirst().orElseThrow().getKey();

        Browser.Response revoked = admin.get(nodeB.resolve("registry/invalidate?handle=" + encode(firefoxHandle)));
        assertEquals("true", revoked.body(), revoked::toString);
        assertEquals("principal=none admin=false caller=none", firefox.get(nodeA.resolve("me")).body());
        assertEquals("principal=carol admin=false caller=carol", chrome.get(nodeA.resolve("me")).body());
        assertEquals("principal=none admin=false caller=none", firefox.get(nodeB.resolve("me")).body(),
                "the revoked session's later requests do not bring it back");
        assertEquals(List.of("Chrome-test/2.0"), List.copyOf(sessions(admin, nodeA, caller).values()));

        logIn(firefox, nodeB, caller);
        assertEquals("2", admin.get(nodeA.resolve("registry/invalidate-all?caller=" + caller)).body());
        assertEquals("principal=none admin=false caller=none", firefox.get(nodeB.resolve("me")).body());
        assertEquals("principal=none admin=false caller=none", chrome.get(nodeB.resolve("me")).body());
    }

    @Test
    void aThirdLoginBeyondMaxSessionsTwoEndsTheLeastRecentlyUsedSession() {
        String caller = "dave";
        Browser admin = new Browser();
        admin.get(nodeA.resolve("registry/invalidate-all?caller=" + caller));
        Browser first = new Browser("first");
        Browser second = new Browser("second");
        Browser third = new Browser("third");
        logIn(first, nodeA, caller);
        logIn(second, nodeB, caller);
        assertEquals("principal=dave admin=false caller=dave", first.get(nodeB.resolve("me")).body());
        assertEquals("principal=dave admin=false caller=dave", second.get(nodeB.resolve("me")).body());

        logIn(third, nodeA, caller);
        assertEquals("principal=none admin=false caller=none", first.get(nodeB.resolve("me")).body(),
                "the least recently used session ended");
        assertEquals("principal=dave admin=false caller=dave", second.get(nodeA.resolve("me")).body());
        assertEquals("principal=dave admin=false caller=dave", third.get(nodeB.resolve("me")).body());
        assertEquals(Set.of("second", "third"), Set.copyOf(sessions(admin, nodeA, caller).values()));
    }

    @Test
    void aLoggedInReadOnlyRequestCostsOneGetItem() {
        Browser browser = new Browser();
        logIn(browser, nodeA, "alice");
        Browser counter = new Browser(); // no cookie: its requests cost nothing
        Map<String, Long> before = calls(counter, nodeB);
        assertEquals("principal=alice admin=true caller=alice", browser.get(nodeB.resolve("me")).body());
        assertEquals(200, browser.get(nodeB.resolve("secure/admin")).status());
        Map<String, Long> after = calls(counter, nodeB);
        assertEquals(Map.of("GetItem", 2L), difference(before, after), "one GetItem for each of the two requests");
    }

    private static Browser.Response logIn(Browser browser, URI node, String user) {
        Browser.Response response = browser.get(node.resolve("me?user=" + user + "&password=pw-" + user));
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.body().startsWith("principal=" + user + " "), response::toString);
        return response;
    }

    // handle -> client
    private static Map<String, String> sessions(Browser admin, URI node, String caller) {
        Browser.Response response = admin.get(node.resolve("registry/sessions?caller=" + caller));
        assertEquals(200, response.status(), response::toString);
        return Arrays.stream(response.body().split("\n")).filter(line -> !line.isBlank())
                .map(line -> line.split("\\|")).collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }

    private static Map<String, Long> calls(Browser browser, URI node) {
        Browser.Response response = browser.get(node.resolve("calls"));
        assertEquals(200, response.status(), response::toString);
        String body = response.body().trim();
        Map<String, Long> calls = new TreeMap<>();
        if (body.length() > 2) {
            for (String entry : body.substring(1, body.length() - 1).split(", ")) {
                String[] parts = entry.split("=");
                calls.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return calls;
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((operation, count) -> {
            long added = count - before.getOrDefault(operation, 0L);
            if (added != 0) {
                difference.put(operation, added);
            }
        });
        return difference;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
