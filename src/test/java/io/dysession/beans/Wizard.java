package io.dysession.beans;

import io.dysession.DySessionScoped;

@DySessionScoped
public class Wizard {

    private int step = 1;
    private String name;

    public int getStep() {
        return step;
    }

    public void setStep(int step) {
        this.step = step;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
