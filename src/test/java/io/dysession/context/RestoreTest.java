package io.dysession.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dysession.beans.AuditInterceptor;
import io.dysession.beans.AuditLog;
import io.dysession.beans.Greeter;
import io.dysession.beans.Preferences;
import io.dysession.beans.Wallet;
import io.dysession.test.EnableDySession;
import io.dysession.test.Requests;

@EnableDySession(table = "restore",
        beans = {Preferences.class, Greeter.class, Wallet.class, AuditInterceptor.class, AuditLog.class})
class RestoreTest {

    @Inject
    Preferences preferences;

    @Inject
    Wallet wallet;

    @Inject
    AuditLog auditLog;

    @Inject
    Requests requests;

    @Test
    void storedStateWinsOverPostConstructAndInjectedHelpersSurvive() {
        String cookie = requests.send(null, () -> {
            assertEquals("en", preferences.getLanguage(), "@PostConstruct sets the default");
            preferences.setLanguage("fr");
        }).setCookie();

        requests.send(cookie, () -> {
            assertEquals("fr", preferences.getLanguage(), "stored state wins over the @PostConstruct default");
            assertEquals("Hello, Ann", preferences.greeting("Ann"), "the injected service is still there");
            assertTrue(preferences.hasFormatter(), "the @PostConstruct helper is not overwritten");
            assertEquals(1, preferences.postConstructCalls(), "@PostConstruct ran once in this request");
        });
    }

    @Test
    void anInterceptedBeanRestoresAndStaysIntercepted() {
        String cookie = requests.send(null, () -> wallet.deposit(250)).setCookie();
        requests.send(cookie, () -> {
            assertEquals(250, wallet.getCents());
            wallet.deposit(100);
        });
        requests.send(cookie, () -> assertEquals(350, wallet.getCents()));
        assertEquals(List.of("deposit", "deposit"), auditLog.entries());
    }
}
