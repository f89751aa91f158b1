package io.dysession.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dysession.beans.AuditInterceptor;
import io.dysession.beans.AuditLog;
import io.dysession.beans.Greeter;
import io.dysession.beans.Preferences;
import io.dysession.beans.Wallet;
import io.dysession.internal.DySessionExtension;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;

@EnableWeld
class RestoreTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().addExtension(new DySessionExtension())
            .addBeanClasses(Preferences.class, Greeter.class, Wallet.class, AuditInterceptor.class,
                    AuditLog.class)).build();

    @Inject
    Preferences preferences;

    @Inject
    Wallet wallet;

    @Inject
    AuditLog auditLog;

    @Inject
    BeanManager beanManager;

    @BeforeAll
    static void configure() {
        TestConfig.use("restore");
    }

    @Test
    void storedStateWinsOverPostConstructAndInjectedHelpersSurvive() {
        Requests requests = new Requests(beanManager);
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
        Requests requests = new Requests(beanManager);
        String cookie = requests.send(null, () -> wallet.deposit(250)).setCookie();
        requests.send(cookie, () -> {
            assertEquals(250, wallet.getCents());
            wallet.deposit(100);
        });
        requests.send(cookie, () -> assertEquals(350, wallet.getCents()));
        assertEquals(List.of("deposit", "deposit"), auditLog.entries());
    }
}
