package io.dysession.it.cluster;

import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * {@link MultiServerIT} with the per-server cache on ({@code dysession.cache.enabled=true},
 * {@code max-staleness} at its default PT0S: every request revalidates the cached version), its own
 * table: the cache must never serve a state older than the other server's last write, nor lose one.
 */
class MultiServerCacheIT extends MultiServerScenarios {

    private static final String TABLE = "dysession-it-multi-server-cache";

    @Deployment(name = A, order = 1, testable = false)
    @TargetsContainer("multi-cache-a")
    static WebArchive onA() {
        return war(TABLE, List.of("dysession.cache.enabled=true"));
    }

    @Deployment(name = B, order = 2, testable = false)
    @TargetsContainer("multi-cache-b")
    static WebArchive onB() {
        return war(TABLE, List.of("dysession.cache.enabled=true"));
    }

    @Override
    String label() {
        return "multi-server-cache";
    }
}
