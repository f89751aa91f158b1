package io.dysession.it.cluster.load;

import io.dysession.DySessionScoped;

/** A per-session counter of the load tests. */
@DySessionScoped
public class Tally {

    private int count;

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    public void increment() {
        count++;
    }
}
