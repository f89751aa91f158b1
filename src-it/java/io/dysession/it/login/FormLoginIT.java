package io.dysession.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.dysession.it.login.form.FormLoginConfig;
import io.dysession.it.login.token.MeServlet;
import io.dysession.it.login.token.SignOutServlet;
import io.dysession.it.support.Browser;
import io.dysession.it.support.TestWar;
import io.dysession.it.support.TwoServers;

/**
 * The server's built-in {@code @FormAuthenticationMechanismDefinition} with
 * {@code dysession.login.mechanisms=all}, on two Payara Micro instances: a form login on one server
 * holds on the other, and a logout on either ends it on both.
 */
class FormLoginIT extends TwoServers {

    @Deployment(name = A, order = 1, testable = false)
    @TargetsContainer("form-a")
    static WebArchive onA() {
        return TestWar.create("form", "dysession-it-form-login", List.of("dysession.login.mechanisms=all"))
                .addPackage(FormLoginConfig.class.getPackage())
                .addClasses(MeServlet.class, SignOutServlet.class)
                .addClass("io.dysession.it.login.token.LoginResponses");
    }

    @Deployment(name = B, order = 2, testable = false)
    @TargetsContainer("form-b")
    static WebArchive onB() {
        return onA();
    }

    @Test
    void aFormLoginOnOneServerHoldsOnTheOtherUntilALogoutOnEither() {
        Browser browser = new Browser();
        assertEquals("login page", browser.get(nodeA.resolve("private")).body());

        Browser.Response postback = browser.postForm(nodeA.resolve("j_security_check"),
                "j_username", "alice", "j_password", "pw-alice");
        assertTrue(postback.status() == 302 || postback.status() == 303, postback::toString);
        assertFalse(postback.sessionCookie().value().isEmpty(), "the login is saved with the redirect");

        Browser.Response onB = browser.get(nodeB.resolve("private"));
        assertEquals(200, onB.status(), onB::toString);
        assertEquals("private principal=alice admin=true", onB.body());
        assertEquals("principal=alice admin=true caller=alice", browser.get(nodeA.resolve("me")).body());
        assertEquals("private principal=alice admin=true", browser.get(nodeA.resolve("private")).body());

        assertEquals(200, browser.get(nodeB.resolve("signout")).status());
        Browser.Response onA = browser.get(nodeA.resolve("private"));
        assertEquals("login page", onA.body(), () -> "logged out on B, so anonymous on A: " + onA);
        assertEquals("principal=none admin=false caller=none", browser.get(nodeA.resolve("me")).body());
    }

    @Test
    void theIdFromBeforeAFormLoginNoLongerWorksAfterIt() {
        Browser browser = new Browser();
        assertEquals(1, browser.get(nodeA.resolve("count")).count());
        String before = browser.sessionId(nodeA).orElseThrow();
        browser.get(nodeA.resolve("private"));
        Browser.Response postback = browser.postForm(nodeA.resolve("j_security_check"),
                "j_username", "bob", "j_password", "pw-bob");
        assertNotEquals(before, postback.sessionCookie().value());
        assertEquals("private principal=bob admin=false", browser.get(nodeB.resolve("private")).body());

        Browser attacker = new Browser();
        attacker.holdSessionCookie(nodeB, before);
        assertEquals("login page", attacker.get(nodeB.resolve("private")).body());
    }

    @Test
    void aWrongPasswordStoresNoLogin() {
        Browser browser = new Browser();
        browser.get(nodeA.resolve("private"));
        Browser.Response postback = browser.postForm(nodeA.resolve("j_security_check"),
                "j_username", "alice", "j_password", "wrong");
        assertEquals(302, postback.status(), postback::toString);
        assertTrue(postback.headers().firstValue("Location").orElseThrow().endsWith("/login-error"),
                postback::toString);
        assertEquals("principal=none admin=false caller=none", browser.get(nodeB.resolve("me")).body());
    }
}
