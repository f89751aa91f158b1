package io.dysession.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dysession.beans.Cart;
import io.dysession.beans.Wizard;
import io.dysession.test.DynamoDbCalls;
import io.dysession.test.EnableDySession;
import io.dysession.test.Requests;
import io.dysession.test.Requests.Response;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Which DynamoDB calls each kind of request makes: the cost model of docs/performance.md. */
@EnableDySession(table = "calls", beans = {Cart.class, Wizard.class})
class DynamoDbCallsTest {

    private static final Logger LOG = Logger.getLogger(DynamoDbCallsTest.class.getName());

    @Inject
    Cart cart;

    @Inject
    Wizard wizard;

    @Inject
    Requests requests;

    @Test
    void aRequestThatTouchesNoSessionBeanMakesNoCall() {
        String cookie = requests.send(null, () -> cart.add("book")).setCookie();
        Response response = requests.send(cookie, () -> { });
        assertEquals(List.of(), response.calls());
        assertNull(response.setCookie());
    }

    @Test
    void aFirstRequestThatChangesStateMakesOnePutItemAndNoGetItem() {
        Response response = requests.send(null, () -> cart.add("book"));
        assertEquals(List.of("PutItem"), response.calls());
        assertNotNull(response.setCookie());
    }

    @Test
    void aFirstRequestThatLeavesBeansAsCreatedStartsNoSession() {
        Response response = requests.send(null, () -> assertTrue(cart.getItems().isEmpty()));
        assertEquals(List.of(), response.calls());
        assertNull(response.setCookie(), "no session, no cookie");
    }

    @Test
    void aReadOnlyRequestMakesOneConsistentGetItem() {
        String cookie = requests.send(null, () -> cart.add("book")).setCookie();
        Response response = requests.send(cookie, () -> assertEquals(List.of("book"), cart.getItems()));
        assertEquals(List.of("GetItem"), response.calls());
        assertTrue(((GetItemRequest) DynamoDbCalls.requests().get(0)).consistentRead());
        assertNull(response.setCookie(), "an existing session gets no new cookie");
    }

    /**
     * OpenWebBeans asks the context for the instance on every call through a custom scope's proxy
     * (only its built-in scopes cache it): each call must stay a lookup in the request. The time per
     * call is logged, to compare the containers.
     */
    @Test
    void everyCallThroughTheProxyIsServedFromTheRequest() {
        String cookie = requests.send(null, () -> cart.add("book")).setCookie();
        int calls = 200_000;
        long[] nanos = new long[1];
        Response response = requests.send(cookie, () -> {
            for (int round = 0; round < 3; round++) { // the last one, warm
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    cart.getItems();
                }
                nanos[0] = System.nanoTime() - start;
            }
        });
        assertEquals(List.of("GetItem"), response.calls());
        LOG.info(() -> calls + " calls through the @DySessionScoped proxy: " + nanos[0] / calls + " ns each");
    }

    @Test
    void aModifyingRequestMakesOneGetItemAndOneUpdateItemOfOnlyTheChangedBean() {
        String cookie = requests.send(null, () -> {
            cart.add("book");
            wizard.setStep(2);
        }).setCookie();
        Response response = requests.send(cookie, () -> {
            assertEquals(2, wizard.getStep());
            cart.add("pen");
        });
        assertEquals(List.of("GetItem", "UpdateItem"), response.calls());
        UpdateItemRequest update = (UpdateItemRequest) DynamoDbCalls.requests().get(1);
        assertTrue(update.expressionAttributeNames().containsValue(Cart.class.getName()));
        assertFalse(update.expressionAttributeNames().containsValue(Wizard.class.getName()),
                "an unchanged bean is not written");
        assertEquals("attribute_exists(#pk) AND #bver.#b0 = :vb0", update.conditionExpression(),
                "conditioned on the item and on the stored version of the bean it writes");
        assertEquals("1", update.expressionAttributeValues().get(":vb0").n());
        requests.send(cookie, () -> assertEquals(List.of("book", "pen"), cart.getItems()));
    }
}
