package io.dysession.internal.login;

import java.security.Principal;
import java.util.Set;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

/**
 * The {@link HttpMessageContext} a {@code @DySessionLogin} mechanism is given: it passes everything
 * to the container's and notes the caller and groups the mechanism reports. Open Liberty's context
 * answers {@code getCallerPrincipal()} with null after {@code notifyContainerAboutLogin}, so the
 * container's context alone cannot say who logged in. The first caller reported runs
 * {@code onCaller} once.
 */
final class CallerWitness extends HttpMessageContextWrapper {

    private final Runnable onCaller;
    private Principal caller;
    private Set<String> groups;

    CallerWitness(HttpMessageContext container, Runnable onCaller) {
        super(container);
        this.onCaller = onCaller;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> groups) {
        return noted(principal, groups, super.notifyContainerAboutLogin(principal, groups));
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
        return noted(callerName == null ? null : new CallerPrincipal(callerName), groups,
                super.notifyContainerAboutLogin(callerName, groups));
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        AuthenticationStatus status = super.notifyContainerAboutLogin(result);
        if (result != null && result.getStatus() == CredentialValidationResult.Status.VALID) {
            noted(result.getCallerPrincipal(), result.getCallerGroups(), status);
        }
        return status;
    }

    /** The caller the mechanism reported, else the container's; null when nobody logged in. */
    Principal caller() {
        return caller != null ? caller : getCallerPrincipal();
    }

    /** The groups the mechanism reported with the caller, else the container's. */
    Set<String> groups() {
        return caller != null && groups != null ? groups : getGroups();
    }

    private AuthenticationStatus noted(Principal principal, Set<String> reported, AuthenticationStatus status) {
        if (principal != null) {
            boolean first = caller == null;
            caller = principal;
            groups = reported == null ? Set.of() : Set.copyOf(reported);
            if (first) {
                onCaller.run();
            }
        }
        return status;
    }
}
