package io.dysession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dysession.DySessionLogin;
import io.dysession.internal.login.DySessionLoginInterceptor;
import io.dysession.test.Containers;
import io.dysession.test.TestConfig;

/**
 * The login interceptor is not a discovered class: the extension adds it before discovery, enabled by
 * its {@code @Priority}. On either container ({@link Containers}) {@code @DySessionLogin} must resolve to it.
 */
class LoginInterceptorBindingTest {

    @DySessionLogin
    @ApplicationScoped
    public static class Mechanism implements HttpAuthenticationMechanism {
        @Override
        public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
            return AuthenticationStatus.NOT_DONE;
        }
    }

    @BeforeAll
    static void configure() {
        TestConfig.use("login-interceptor");
    }

    @Test
    void dySessionLoginResolvesToTheLibrarysInterceptor() {
        try (SeContainer container = Containers.start(Mechanism.class)) {
            List<Class<?>> interceptors = container.getBeanManager()
                    .resolveInterceptors(InterceptionType.AROUND_INVOKE, DySessionLogin.Literal.INSTANCE).stream()
                    .<Class<?>>map(Bean::getBeanClass).toList();
            assertEquals(List.of(DySessionLoginInterceptor.class), interceptors);
        }
    }
}
