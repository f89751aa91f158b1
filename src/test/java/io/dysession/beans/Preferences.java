package io.dysession.beans;

import java.time.format.DateTimeFormatter;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import io.dysession.DySessionScoped;

/** State next to an injected service and a @PostConstruct helper that are not state. */
@DySessionScoped
public class Preferences {

    @Inject
    Greeter greeter;

    private DateTimeFormatter formatter;
    private String language;
    private int postConstructCalls;

    @PostConstruct
    void init() {
        formatter = DateTimeFormatter.ISO_LOCAL_DATE;
        language = "en";
        postConstructCalls++;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String greeting(String name) {
        return greeter.greet(name);
    }

    public boolean hasFormatter() {
        return formatter != null;
    }

    public int postConstructCalls() {
        return postConstructCalls;
    }
}
