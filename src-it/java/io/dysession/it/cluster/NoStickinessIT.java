package io.dysession.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.dysession.it.support.Browser;
import io.dysession.it.support.TestWar;
import io.dysession.it.support.TwoServers;

/**
 * Two freshly started Payara Micro instances, no clustering between them, the same app on the
 * same context path and the same DynamoDB table: one browser's session moves freely between them,
 * as behind a load balancer without sticky sessions.
 */
class NoStickinessIT extends TwoServers {

    @Deployment(name = A, order = 1, testable = false)
    @TargetsContainer("node-a")
    static WebArchive onA() {
        return TestWar.create("shared-sessions", "dysession-it-no-stickiness");
    }

    @Deployment(name = B, order = 2, testable = false)
    @TargetsContainer("node-b")
    static WebArchive onB() {
        return onA();
    }

    @Test
    void eitherServerServesTheSameSession() {
        Browser browser = new Browser();

        Browser.Response first = browser.get(nodeA.resolve("count"));
        assertEquals(1, first.count());
        String id = first.sessionCookie().value();
        assertEquals(2, browser.get(nodeA.resolve("count")).count());

        Browser.Response onB = browser.get(nodeB.resolve("count"));
        assertEquals(3, onB.count(), () -> "node B continues the session started on node A: " + onB);
        assertEquals(List.of(), onB.setCookieHeaders(), () -> "node B adopts the existing session: " + onB);
        assertNotEquals(first.serverPid(), onB.serverPid(), "two separate servers");

        Browser.Response backOnA = browser.get(nodeA.resolve("count"));
        assertEquals(4, backOnA.count(), () -> "node A sees what node B wrote: " + backOnA);
        assertEquals(List.of(), backOnA.setCookieHeaders(), () -> backOnA.toString());

        assertEquals(4, browser.get(nodeB.resolve("read")).count());
        assertEquals(id, browser.sessionId(nodeB).orElseThrow());
    }

    @Test
    void aSessionCreatedOnTheSecondServerIsKnownToTheFirst() {
        Browser browser = new Browser();

        assertEquals(1, browser.get(nodeB.resolve("count")).count());
        Browser.Response onA = browser.get(nodeA.resolve("count"));
        assertEquals(2, onA.count(), () -> onA.toString());
        assertEquals(List.of(), onA.setCookieHeaders(), () -> onA.toString());
    }
}
