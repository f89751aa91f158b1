package io.dysession.internal.web;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

import org.eclipse.microprofile.config.ConfigProvider;

import io.dysession.DySessionLogin;
import io.dysession.internal.config.ConfigKeys;

/**
 * {@code dysession.login.mechanisms=all}: the server's built-in form mechanisms keep their login with
 * the session too. On Payara (Soteria) they are managed beans obtained from CDI, so their annotated
 * types can be changed before discovery: {@code @AutoApplySession}, which keeps the login in this
 * server's {@code HttpSession} only, is replaced by {@link DySessionLogin}. The built-in Basic
 * mechanism is created with {@code new} (no interceptor can apply) and needs no session anyway.
 */
public final class BuiltInMechanisms {

    private static final Logger LOG = Logger.getLogger(BuiltInMechanisms.class.getName());

    /** Soteria's form mechanisms, the implementation of Payara and GlassFish. */
    static final Set<String> FORM_MECHANISMS = Set.of(
            "org.glassfish.soteria.mechanisms.FormAuthenticationMechanism",
            "org.glassfish.soteria.mechanisms.CustomFormAuthenticationMechanism");

    private static final String AUTO_APPLY_SESSION =
            "jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession";

    private Boolean enabled;

    /** Binds a built-in form mechanism's type when the configuration asks for it; ignores every other type. */
    public <T> void bind(ProcessAnnotatedType<T> event) {
        String type = event.getAnnotatedType().getJavaClass().getName();
        if (!FORM_MECHANISMS.contains(type) || !enabled()) {
            return;
        }
        event.configureAnnotatedType()
                .remove(annotation -> annotation.annotationType().getName().equals(AUTO_APPLY_SESSION))
                .add(DySessionLogin.Literal.INSTANCE);
        LOG.info(() -> "dysession keeps the logins of " + type + " with the session (" + ConfigKeys.LOGIN_MECHANISMS
                + "=all): @DySessionLogin instead of @AutoApplySession");
    }

    private boolean enabled() {
        if (enabled == null) {
            // Validated with every other key at deployment; here only "all" matters.
            enabled = ConfigProvider.getConfig().getOptionalValue(ConfigKeys.LOGIN_MECHANISMS, String.class)
                    .map(value -> value.trim().equalsIgnoreCase("all")).orElse(false);
        }
        return enabled;
    }
}
