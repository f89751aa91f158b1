package io.dysession.it.support;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against one Payara Micro: the test class adds its one {@code @Deployment}
 * (Arquillian reads it from the test class itself), and finds the deployed app at {@link #app}.
 *
 * <pre>
 * class SessionStateIT extends OneServer {
 *
 *     &#64;Deployment(testable = false)
 *     &#64;TargetsContainer("session-state")  // its own container in arquillian.xml
 *     static WebArchive app() {
 *         return TestWar.create("session-state", "dysession-it-session-state");
 *     }
 *
 *     &#64;Test
 *     void stateSurvivesAcrossRequests() {
 *         assertEquals(1, new Browser().get(app.resolve("count")).count());
 *     }
 * }
 * </pre>
 */
@ExtendWith({BuildEnvironment.class, ArquillianExtension.class})
@RunAsClient
public abstract class OneServer {

    @ArquillianResource
    private URL deployed;

    /** The app's base URI, such as {@code http://127.0.0.1:8080/session-state/}. */
    protected URI app;

    @BeforeEach
    protected final void locateApp() {
        app = TestWar.baseUri(deployed);
    }
}
