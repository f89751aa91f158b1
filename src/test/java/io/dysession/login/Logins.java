package io.dysession.login;

import java.util.List;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import io.dysession.internal.DySessionExtension;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.store.SessionLogin;

/**
 * What the {@code @DySessionLogin} interceptor does to the request's session after a mechanism
 * authenticated a caller, without a servlet container: the Payara ITs drive the interceptor itself.
 */
final class Logins {

    private final DySessionContext context;

    @Inject
    Logins(BeanManager beanManager) {
        this.context = beanManager.getExtension(DySessionExtension.class).runtime().context();
    }

    /** Keeps a login of {@code caller} with the current request's session (call inside a request). */
    void logIn(String caller, String client, String... groups) {
        context.current().logIn(new SessionLogin(caller, List.of(groups), client, System.currentTimeMillis()));
    }

    void logOut() {
        context.current().logOut();
    }

    DySessionContext context() {
        return context;
    }
}
