package io.dysession.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dysession.beans.Cart;
import io.dysession.beans.Wizard;
import io.dysession.test.DynamoDbCalls;
import io.dysession.test.EnableDySession;
import io.dysession.test.Requests;
import io.dysession.test.Requests.Response;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Touching the expiry, removing destroyed beans, and refusing oversized state. */
@EnableDySession(table = "writes", beans = {Cart.class, Wizard.class},
        config = "dysession.touch-interval=PT0S") // every read-only request is past the touch interval
class WritesTest {

    @Inject
    Cart cart;

    @Inject
    Wizard wizard;

    @Inject
    Instance<Object> instances;

    @Inject
    Requests requests;

    @Test
    void aReadOnlyRequestPastTheTouchIntervalMovesOnlyTheExpiry() {
        String cookie = requests.send(null, () -> cart.add("book")).setCookie();
        Response response = requests.send(cookie, cart::getItems);
        assertEquals(List.of("GetItem", "UpdateItem"), response.calls());
        UpdateItemRequest touch = (UpdateItemRequest) DynamoDbCalls.requests().get(1);
        assertEquals("SET #acc = :acc, #ttl = :ttl, #ver = #ver + :one", touch.updateExpression());
    }

    @Test
    void aDestroyedBeanIsRemovedFromTheItem() {
        String cookie = requests.send(null, () -> {
            cart.add("book");
            wizard.setStep(3);
        }).setCookie();
        requests.send(cookie, () -> {
            assertEquals(3, wizard.getStep());
            instances.destroy(wizard);
        });
        UpdateItemRequest update = (UpdateItemRequest) DynamoDbCalls.requests().get(1);
        assertTrue(update.updateExpression().contains(" REMOVE #beans.#b0"), update.updateExpression());
        assertEquals(Wizard.class.getName(), update.expressionAttributeNames().get("#b0"));
        requests.send(cookie, () -> {
            assertEquals(1, wizard.getStep(), "a destroyed bean starts fresh");
            assertEquals(List.of("book"), cart.getItems());
        });
    }

    @Test
    void aBeanDestroyedAndUsedAgainInOneRequestStartsFreshAndReplacesTheStoredState() {
        String cookie = requests.send(null, () -> wizard.setStep(3)).setCookie();
        requests.send(cookie, () -> {
            instances.destroy(wizard);
            assertEquals(1, wizard.getStep());
        });
        requests.send(cookie, () -> assertEquals(1, wizard.getStep()));
    }

    @Test
    void stateOverTheItemLimitFailsNamingTheBeansAndWritesNothing() {
        String cookie = requests.send(null, () -> cart.add("book")).setCookie();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> requests.send(cookie, () -> {
            cart.add(incompressible(560_000));
            wizard.setName(incompressible(280_000));
        }));
        assertTrue(e.getMessage().contains("over DynamoDB's item limit of 409600 bytes. Beans: "), e.getMessage());
        assertTrue(e.getMessage().matches(".*" + Cart.class.getName() + " 3\\d{5} bytes compressed.*"), e.getMessage());
        assertTrue(e.getMessage().matches(".*" + Wizard.class.getName() + " 1\\d{5} bytes compressed.*"),
                e.getMessage());
        assertFalse(DynamoDbCalls.operations().contains("UpdateItem"), "nothing was written");
        requests.send(cookie, () -> assertEquals(List.of("book"), cart.getItems()));
    }

    // Random letters: gzip shrinks them only to about 60%.
    static String incompressible(int length) {
        java.util.Random random = new java.util.Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
