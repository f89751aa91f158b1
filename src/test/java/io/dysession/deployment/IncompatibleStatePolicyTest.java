package io.dysession.deployment;

import static io.dysession.deployment.BeanProblemsTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dysession.beans.Cart;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;

/** dysession.on-incompatible-state=fail: the request fails, naming the bean class, and the stored state is kept. */
class IncompatibleStatePolicyTest {

    private static final String TABLE = "incompatible-fail";

    @AfterAll
    static void restore() {
        TestConfig.use(TABLE);
    }

    @Test
    void failPolicyFailsTheRequestAndKeepsTheStoredState() {
        TestConfig.use(TABLE, Map.of("dysession.on-incompatible-state", "fail"));
        try (SeContainer container = Deployments.start(Cart.class)) {
            Cart cart = container.select(Cart.class).get();
            Requests requests = new Requests(container.getBeanManager());
            String id = requests.send(null, () -> cart.add("book")).setCookie();
            String unreadable = "{\"items\":{\"renamed\":true}}";
            Items items = new Items(TABLE);
            items.setBean(id, Cart.class, unreadable);

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> requests.send(id, cart::getItems));
            assertContains(e.getMessage(), "Stored state of " + Cart.class.getName() + " no longer fits the class");
            assertContains(e.getMessage(), "dysession.on-incompatible-state=fail");
            assertContains(items.of(id).get("beans").m().get(Cart.class.getName()).s(), unreadable);
        }
    }
}
