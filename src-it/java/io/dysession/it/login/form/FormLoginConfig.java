package io.dysession.it.login.form;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The server's built-in form mechanism; with {@code dysession.login.mechanisms=all} its logins are
 * kept with the DynamoDB session instead of the server's own {@code HttpSession}.
 */
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login-page",
        errorPage = "/login-error"))
@ApplicationScoped
public class FormLoginConfig {
}
