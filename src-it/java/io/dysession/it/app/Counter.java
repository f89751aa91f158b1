package io.dysession.it.app;

import io.dysession.DySessionScoped;

/** A per-session counter; its state is the {@code count} property. */
@DySessionScoped
public class Counter {

    private int count;

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    public int increment() {
        return ++count;
    }
}
