package io.dysession.it.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Named meeting points between a request the test holds open and the test itself, so that two
 * requests overlap in a known order without timing: the held request says it has arrived, then
 * waits until the test opens the gate.
 */
public final class Gates {

    private static final long LIMIT_SECONDS = 60;
    private static final Map<String, Gates> GATES = new ConcurrentHashMap<>();

    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    private Gates() {
    }

    public static Gates named(String name) {
        return GATES.computeIfAbsent(name, any -> new Gates());
    }

    /** The held request: says it is here, then waits for the test; false if nobody opened in time. */
    public boolean arriveAndWait() throws InterruptedException {
        arrived.countDown();
        return opened.await(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The test: waits until the held request has arrived; false if it did not in time. */
    public boolean awaitArrival() throws InterruptedException {
        return arrived.await(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    public void open() {
        opened.countDown();
    }
}
