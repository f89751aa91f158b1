package io.dysession.it.login.token;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dysession.DySessionLogin;

/**
 * The application's own mechanism, as in docs/login.md: a request with {@code user} and
 * {@code password} parameters logs in (the password is {@code pw-<user>}); any other request to a
 * protected resource gets 401, and any other request elsewhere is left anonymous. With
 * {@link DySessionLogin}, the login is kept with the DynamoDB session.
 */
@ApplicationScoped
@DySessionLogin
public class TokenMechanism implements HttpAuthenticationMechanism {

    static final Map<String, Set<String>> USERS = Map.of(
            "alice", Set.of("user", "admin"),
            "bob", Set.of("user"),
            "carol", Set.of("user"),
            "dave", Set.of("user"));

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String user = request.getParameter("user");
        if (user == null) {
            // doNothing() here would leave an anonymous request to a protected resource without an
            // answer: an empty 200 on Payara, and the resource does not run.
            return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
        }
        if (!USERS.containsKey(user) || !("pw-" + user).equals(request.getParameter("password"))) {
            return context.responseUnauthorized();
        }
        return context.notifyContainerAboutLogin(user, USERS.get(user));
    }
}
