package io.dysession.it.cluster.load;

/**
 * The state of one of the 32 per-session slot beans in {@link Slots}: a counter. Not a bean
 * itself (no scope annotation); each subclass there is one {@code @DySessionScoped} bean, stored
 * under its own key, so that concurrent requests each changing a different slot change different beans.
 */
public class Slot {

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
