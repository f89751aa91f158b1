package io.dysession.it.cluster;

import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Two Payara Micro instances sharing one table, cache off (the default): per-bean merge keeps every
 * write of a client moving between servers and of concurrent requests changing different beans.
 * The scenarios are in {@link MultiServerScenarios}.
 */
class MultiServerIT extends MultiServerScenarios {

    private static final String TABLE = "dysession-it-multi-server";

    @Deployment(name = A, order = 1, testable = false)
    @TargetsContainer("multi-a")
    static WebArchive onA() {
        return war(TABLE, List.of());
    }

    @Deployment(name = B, order = 2, testable = false)
    @TargetsContainer("multi-b")
    static WebArchive onB() {
        return war(TABLE, List.of());
    }

    @Override
    String label() {
        return "multi-server";
    }
}
