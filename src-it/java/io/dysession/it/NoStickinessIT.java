package io.dysession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.URL;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two freshly started Payara Micro instances, no clustering between them, the same app on the
 * same context path and the same DynamoDB table: one browser's session moves freely between them,
 * as behind a load balancer without sticky sessions.
 */
@ExtendWith({BuildEnvironment.class, ArquillianExtension.class})
@RunAsClient
class NoStickinessIT {

    private static final String APP = "shared-sessions";
    private static final String TABLE = "dysession-it-no-stickiness";

    @Deployment(name = "node-a", order = 1, testable = false)
    @TargetsContainer("node-a")
    static WebArchive onNodeA() {
        return TestWar.create(APP, TABLE);
    }

    @Deployment(name = "node-b", order = 2, testable = false)
    @TargetsContainer("node-b")
    static WebArchive onNodeB() {
        return TestWar.create(APP, TABLE);
    }

    @ArquillianResource
    @OperateOnDeployment("node-a")
    URL deployedOnA;

    @ArquillianResource
    @OperateOnDeployment("node-b")
    URL deployedOnB;

    private URI nodeA;
    private URI nodeB;

    @BeforeEach
    void locateApps() {
        nodeA = TestWar.baseUri(deployedOnA);
        nodeB = TestWar.baseUri(deployedOnB);
        assertNotEquals(nodeA, nodeB);
        assertEquals(nodeA.getPath(), nodeB.getPath(), "same context path, so the browser sends its cookie to both");
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
