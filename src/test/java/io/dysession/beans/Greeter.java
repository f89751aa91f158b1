package io.dysession.beans;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Greeter {

    public String greet(String name) {
        return "Hello, " + name;
    }
}
