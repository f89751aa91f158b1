package io.dysession.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against two Payara Micro instances, no clustering between them, the same WAR
 * on both, as behind a load balancer without sticky sessions. The test class adds the two
 * {@code @Deployment}s, named {@link #A} and {@link #B} (Arquillian reads them from the test class
 * itself), each on its own container, and finds the apps at {@link #nodeA} and {@link #nodeB}.
 *
 * <pre>
 * class NoStickinessIT extends TwoServers {
 *
 *     &#64;Deployment(name = A, order = 1, testable = false)
 *     &#64;TargetsContainer("node-a")
 *     static WebArchive onA() {
 *         return TestWar.create("shared-sessions", "dysession-it-no-stickiness");
 *     }
 *
 *     &#64;Deployment(name = B, order = 2, testable = false)
 *     &#64;TargetsContainer("node-b")
 *     static WebArchive onB() {
 *         return onA();
 *     }
 *
 *     &#64;Test
 *     void eitherServerServesTheSameSession() {
 *         Browser browser = new Browser();
 *         assertEquals(1, browser.get(nodeA.resolve("count")).count());
 *         assertEquals(2, browser.get(nodeB.resolve("count")).count());
 *     }
 * }
 * </pre>
 */
@ExtendWith({BuildEnvironment.class, ArquillianExtension.class})
@RunAsClient
public abstract class TwoServers {

    /** The name of the deployment on server A. */
    protected static final String A = "a";
    /** The name of the deployment on server B. */
    protected static final String B = "b";

    @ArquillianResource
    @OperateOnDeployment(A)
    private URL deployedOnA;

    @ArquillianResource
    @OperateOnDeployment(B)
    private URL deployedOnB;

    /** The app's base URI on server A, such as {@code http://127.0.0.1:8080/login/}. */
    protected URI nodeA;
    /** The app's base URI on server B. */
    protected URI nodeB;

    @BeforeEach
    protected final void locateApps() {
        nodeA = TestWar.baseUri(deployedOnA);
        nodeB = TestWar.baseUri(deployedOnB);
        assertNotEquals(nodeA, nodeB);
        assertEquals(nodeA.getPath(), nodeB.getPath(), "same context path, so the browser sends its cookie to both");
    }
}
