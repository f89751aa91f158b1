package io.dysession.it.concurrency.app;

import io.dysession.DySessionScoped;

/** A per-session profile whose two properties concurrent requests change separately. */
@DySessionScoped
public class Profile {

    private String name;
    private String city;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    @Override
    public String toString() {
        return "name=" + (name == null ? "" : name) + " city=" + (city == null ? "" : city);
    }
}
