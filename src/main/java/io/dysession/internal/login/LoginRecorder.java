package io.dysession.internal.login;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.dysession.internal.context.SessionRequest;
import io.dysession.internal.store.SessionLogin;

/**
 * The login one mechanism call made, kept with the session once: the cap per caller first, then
 * the login itself (caller, groups, client), which also rotates the session id.
 */
final class LoginRecorder {

    private final SessionRegistry registry;
    private final SessionRequest session;
    private final HttpServletRequest request;
    private final CallerWitness witness;
    private Boolean admitted;

    LoginRecorder(SessionRegistry registry, SessionRequest session, HttpServletRequest request,
                  CallerWitness witness) {
        this.registry = registry;
        this.session = session;
        this.request = request;
        this.witness = witness;
    }

    /** False when the cap refuses it; true otherwise, also when there is no caller to record. */
    boolean record() {
        Principal caller = witness.caller();
        if (admitted != null || caller == null) {
            return admitted == null || admitted;
        }
        admitted = registry.admit(caller.getName(), session.storedKey());
        if (admitted) {
            List<String> groups = new ArrayList<>(witness.groups() == null ? List.of() : witness.groups());
            groups.sort(null);
            session.logIn(new SessionLogin(caller.getName(), groups, request.getHeader("User-Agent"),
                    System.currentTimeMillis()));
        }
        return admitted;
    }
}
