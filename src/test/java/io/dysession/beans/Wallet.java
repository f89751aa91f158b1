package io.dysession.beans;

import io.dysession.DySessionScoped;

/** An intercepted session bean. */
@DySessionScoped
public class Wallet {

    private long cents;

    public long getCents() {
        return cents;
    }

    public void setCents(long cents) {
        this.cents = cents;
    }

    @Audited
    public void deposit(long amount) {
        cents += amount;
    }
}
