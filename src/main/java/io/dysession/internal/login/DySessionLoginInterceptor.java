package io.dysession.internal.login;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.dysession.DySessionLogin;
import io.dysession.internal.DySessionRuntime;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.context.SessionRequest;
import io.dysession.internal.store.SessionLogin;
import io.dysession.internal.web.CommitAwareResponse;
import io.dysession.internal.web.FailureAnswers;
import io.dysession.internal.web.SessionHandoff;

/**
 * {@link DySessionLogin} on an {@code HttpAuthenticationMechanism}. The container runs the mechanism
 * before the filter chain, so the request's session starts here and is handed to the filter (which
 * saves it) by {@link SessionHandoff}: one load, one write, as for any request.
 */
@DySessionLogin
@Interceptor
// After @AutoApplySession (200), before @RememberMe (210) and LoginToContinue (220): the session's login is tried first.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 205)
public class DySessionLoginInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SOTERIA_SAVED_AUTHENTICATION = "org.glassfish.soteria.authentication";
    private static final Logger LOG = Logger.getLogger(DySessionLoginInterceptor.class.getName());

    @Inject
    Instance<DySessionRuntime> runtimes;

    private transient DySessionRuntime runtime;

    @AroundInvoke
    public Object intercept(InvocationContext invocation) throws Exception {
        Object[] parameters = invocation.getParameters();
        if (parameters == null || parameters.length != 3 || !(parameters[0] instanceof HttpServletRequest request)
                || !(parameters[1] instanceof HttpServletResponse response)
                || !(parameters[2] instanceof HttpMessageContext http)) {
            return invocation.proceed();
        }
        return switch (invocation.getMethod().getName()) {
            case "validateRequest" -> validate(invocation, request, response, http);
            case "cleanSubject" -> logout(invocation, request);
            default -> invocation.proceed();
        };
    }

    private Object validate(InvocationContext invocation, HttpServletRequest request, HttpServletResponse response,
                            HttpMessageContext http) throws Exception {
        SessionHandoff handoff = runtime().handoff();
        DySessionContext context = handoff.context();
        boolean inFilter = context.isActive();
        SessionRequest session = inFilter ? context.current() : handoff.attach(request);
        DySessionContext.Binding binding = inFilter ? null : context.bind(session);
        if (binding != null) {
            binding.keep(); // unbound when the mechanism returns; the filter binds it again
        }
        // Before the filter, a response that saves the session should the mechanism commit it after a
        // login (LoginToContinue's redirect after a form postback), so that the new id's cookie goes out.
        GuardedResponse guarded = inFilter ? null : new GuardedResponse();
        CallerWitness witness = new CallerWitness(http, guarded == null ? () -> { } : () -> guarded.install(http));
        Object[] parameters = invocation.getParameters();
        parameters[2] = witness;
        invocation.setParameters(parameters);
        LoginRecorder login = new LoginRecorder(runtime().registry(), session, request, witness);
        if (guarded != null) {
            guarded.wrap(response, () -> {
                login.record();
                handoff.commit(session, request, response);
            });
        }
        try {
            Optional<SessionLogin> kept = session.login();
            if (kept.isPresent() && !http.isAuthenticationRequest()) {
                return http.notifyContainerAboutLogin(kept.get().caller(), new HashSet<>(kept.get().groups()));
            }
            Object status = inFilter ? invocation.proceed() : proceedGuarded(invocation, guarded);
            // SEND_CONTINUE with a caller: a form's postback authenticated, and LoginToContinue redirects.
            if ((status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE)
                    && !login.record()) {
                LOG.info(() -> "dysession refused a login: the caller has dysession.login.max-sessions sessions "
                        + "already and dysession.login.on-max-sessions=refuse.");
                http.cleanClientSubject();
                return http.responseUnauthorized();
            }
            if (status == AuthenticationStatus.SEND_CONTINUE && witness.caller() != null) {
                forgetServerLocalLogin(request);
            }
            if (!inFilter && (status == AuthenticationStatus.SEND_CONTINUE
                    || status == AuthenticationStatus.SEND_FAILURE)) {
                // The container answers without the filter chain (a redirect, a login page): save now.
                saveWithoutFilter(handoff, session, request, response);
            }
            return status;
        } catch (RuntimeException e) {
            if (!inFilter && FailureAnswers.answer(e, response)) {
                return AuthenticationStatus.SEND_CONTINUE; // answered (503 or 409): the container sends it as is
            }
            throw e;
        } finally {
            if (binding != null) {
                binding.close();
            }
        }
    }

    /** Runs the mechanism with the guarded response as its parameter; disarmed once the mechanism returns. */
    private static Object proceedGuarded(InvocationContext invocation, GuardedResponse guarded) throws Exception {
        Object[] parameters = invocation.getParameters();
        parameters[1] = guarded.response();
        invocation.setParameters(parameters);
        try {
            return invocation.proceed();
        } finally {
            guarded.response().disarm();
        }
    }

    /**
     * The response wrapper that saves the session before the mechanism commits the response. It
     * becomes the message context's response only once a caller is reported: WildFly's Elytron
     * refuses a wrapped response for any status but SUCCESS (ELY01175: an anonymous request to a
     * protected resource answered with {@code responseUnauthorized()} got 500), and refuses to
     * have it swapped back (ELY01172); disarmed, it passes everything through.
     */
    private static final class GuardedResponse {

        private CommitAwareResponse response;

        void wrap(HttpServletResponse original, Runnable beforeCommit) {
            response = new CommitAwareResponse(original, beforeCommit);
        }

        CommitAwareResponse response() {
            return response;
        }

        void install(HttpMessageContext http) {
            http.setResponse(response);
        }
    }

    private Object logout(InvocationContext invocation, HttpServletRequest request) throws Exception {
        SessionHandoff handoff = runtime().handoff();
        DySessionContext context = handoff.context();
        SessionRequest session = context.isActive() ? context.current() : handoff.attached(request);
        if (session != null) {
            session.logOut();
        }
        return invocation.proceed();
    }

    /**
     * Soteria's LoginToContinue also keeps the postback's login in this server's HttpSession, to apply
     * it on the redirect to the original page; left there, it would outlive a logout made on another
     * server. The login is in the DynamoDB session now.
     */
    private static void forgetServerLocalLogin(HttpServletRequest request) {
        HttpSession local = request.getSession(false);
        if (local != null) {
            local.removeAttribute(SOTERIA_SAVED_AUTHENTICATION);
        }
    }

    private static void saveWithoutFilter(SessionHandoff handoff, SessionRequest session,
                                          HttpServletRequest request, HttpServletResponse response) {
        try {
            handoff.commit(session, request, response);
        } finally {
            handoff.detach(request);
            session.release();
        }
    }

    private DySessionRuntime runtime() {
        DySessionRuntime found = runtime;
        if (found == null) {
            runtime = found = runtimes.get();
        }
        return found;
    }
}
