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
 * Two Payara Micro instances sharing one table, cache off (the default): per-bean merge keeps every
 * write of a client moving between servers and of concurrent requests changing different beans.
 * The scenarios are in {@link MultiServerScenarios}.
 */
@ExtendWith({BuildEnvironment.class, ArquillianExtension.class})
@RunAsClient
class MultiServerIT extends MultiServerScenarios {

    private static final String TABLE = "dysession-it-multi-server";

    @Deployment(name = "multi-a", order = 1, testable = false)
    @TargetsContainer("multi-a")
    static WebArchive onA() {
        return war(TABLE, List.of());
    }

    @Deployment(name = "multi-b", order = 2, testable = false)
    @TargetsContainer("multi-b")
    static WebArchive onB() {
        return war(TABLE, List.of());
    }

    @ArquillianResource
    @OperateOnDeployment("multi-a")
    URL deployedOnA;

    @ArquillianResource
    @OperateOnDeployment("multi-b")
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
        return "multi-server";
    }
}
