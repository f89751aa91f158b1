package io.dysession.internal.login;

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
    private int bound;

    /** Binds a built-in form mechanism's type when the configuration asks for it; ignores every other type. */
    public <T> void bind(ProcessAnnotatedType<T> event) {
        String type = event.getAnnotatedType().getJavaClass().getName();
        if (!FORM_MECHANISMS.contains(type) || !enabled()) {
            return;
        }
        event.configureAnnotatedType()
                .remove(annotation -> annotation.annotationType().getName().equals(AUTO_APPLY_SESSION))
                .add(DySessionLogin.Literal.INSTANCE);
        bound++;
        LOG.info(() -> "dysession keeps the logins of " + type + " with the session (" + ConfigKeys.LOGIN_MECHANISMS
                + "=all): @DySessionLogin instead of @AutoApplySession");
    }

    /**
     * After discovery: {@code all} that bound nothing is said, not left silent. Open Liberty's
     * mechanisms are its own classes, not Soteria's, and an application may define no form mechanism.
     */
    public void reportUnbound() {
        if (bound == 0 && enabled()) {
            LOG.warning(() -> ConfigKeys.LOGIN_MECHANISMS + "=all, but dysession found none of the built-in form "
                    + "mechanisms it can bind (Soteria's, as on Payara): if this application defines one with "
                    + "@FormAuthenticationMechanismDefinition or @CustomFormAuthenticationMechanismDefinition, its "
                    + "logins stay in this server's HttpSession and do not follow the session to other servers. Use "
                    + "an application mechanism annotated @DySessionLogin instead (docs/login.md).");
        }
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
