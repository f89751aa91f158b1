package io.dysession.it.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.dysession.it.support.Browser;
import io.dysession.it.support.OneServer;
import io.dysession.it.support.TestWar;

/**
 * DynamoDB unreachable: requests that need the session get 503, requests that do not are served
 * as usual, and no session cookie is handed out for state that was never stored.
 */
class StoreUnavailableIT extends OneServer {

    private static final String KNOWN_FORMAT_ID = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Deployment(testable = false)
    @TargetsContainer("store-down")
    static WebArchive app() {
        return TestWar.create("store-down", "http://127.0.0.1:" + closedPort(), "dysession-it-store-down", false);
    }

    @Test
    void aRequestThatSavesANewSessionGets503AndNoCookie() {
        Browser.Response response = new Browser().get(app.resolve("count"));
        assertEquals(503, response.status(), () -> response.toString());
        assertEquals(0, response.setCookieHeaders().size(), () -> response.toString());
    }

    @Test
    void aRequestThatLoadsASessionGets503() {
        Browser browser = new Browser();
        browser.holdSessionCookie(app, KNOWN_FORMAT_ID);
        Browser.Response response = browser.get(app.resolve("read"));
        assertEquals(503, response.status(), () -> response.toString());
    }

    @Test
    void aRequestThatUsesNoSessionBeanIsServed() {
        Browser browser = new Browser();
        browser.holdSessionCookie(app, KNOWN_FORMAT_ID);
        Browser.Response response = browser.get(app.resolve("plain"));
        assertEquals(200, response.status(), () -> response.toString());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
