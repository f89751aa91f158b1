package io.dysession.beans;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import io.dysession.DySessionScoped;

/** Collects the scope's lifecycle events as "initialized:handle", "beforeDestroyed:handle", "destroyed:handle". */
@ApplicationScoped
public class SessionEventLog {

    private final List<String> events = new ArrayList<>();

    void initialized(@Observes @Initialized(DySessionScoped.class) String handle) {
        events.add("initialized:" + handle);
    }

    void beforeDestroyed(@Observes @BeforeDestroyed(DySessionScoped.class) String handle) {
        events.add("beforeDestroyed:" + handle);
    }

    void destroyed(@Observes @Destroyed(DySessionScoped.class) String handle) {
        events.add("destroyed:" + handle);
    }

    public List<String> events() {
        return events;
    }
}
