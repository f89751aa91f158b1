package io.dysession.it;

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
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link MultiServerIT} with the per-server cache on ({@code dysession.cache.enabled=true},
 * {@code max-staleness} at its default PT0S: every request revalidates the cached version), its own
 * table: the cache must never serve a state older than the other server's last write, nor lose one.
 */
@ExtendWith({BuildEnvironment.class, ArquillianExtension.class})
@RunAsClient
class MultiServerCacheIT extends MultiServerScenarios {

    private static final String TABLE = "dysession-it-multi-server-cache";

    @Deployment(name = "multi-cache-a", order = 1, testable = false)
    @TargetsContainer("multi-cache-a")
    static WebArchive onA() {
        return war(TABLE, List.of("dysession.cache.enabled=true"));
    }

    @Deployment(name = "multi-cache-b", order = 2, testable = false)
    @TargetsContainer("multi-cache-b")
    static WebArchive onB() {
        return war(TABLE, List.of("dysession.cache.enabled=true"));
    }

    @ArquillianResource
    @OperateOnDeployment("multi-cache-a")
    URL deployedOnA;

    @ArquillianResource
    @OperateOnDeployment("multi-cache-b")
    URL deployedOnB;

    @Override
    URI deployedOnA() {
        return TestWar.baseUri(deployedOnA);
    }

    @Override
    URI deployedOnB() {
        return TestWar.baseUri(deployedOnB);
    }

    @Override
    String label() {
        return "multi-server-cache";
    }
}
