package io.dysession.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dysession.DySession;
import io.dysession.DySessionStatistics;
import io.dysession.beans.Cart;
import io.dysession.internal.DySessionExtension;
import io.dysession.internal.context.DySessionContext;
import io.dysession.internal.context.SessionChange;
import io.dysession.internal.store.SessionLogin;
import io.dysession.test.FaultProxy.Fault;
import io.dysession.test.Requests;
import io.dysession.test.Requests.Response;

/**
 * A write that DynamoDB applied but whose answer was lost: the SDK retries it, the retry's
 * condition is refused by that very write, and the request recognizes its own write by its token.
 * Success, the cookie that is due, no 5xx, no false conflict and no false overwrite, in each mode
 * (serialized: the lock's own call too).
 */
class LostAnswersTest {

    @RegisterExtension
    final ProxiedStore store = new ProxiedStore();

    private Requests requests;
    private Cart cart;
    private DySession session;
    private DySessionStatistics statistics;
    private DySessionContext context;

    private SeContainer start(String table, String mode) {
        SeContainer container = store.start(table + "-" + mode, Map.of("dysession.concurrency", mode));
        requests = new Requests(container.getBeanManager());
        cart = container.select(Cart.class).get();
        session = container.select(DySession.class).get();
        statistics = container.select(DySessionStatistics.class).get();
        context = container.getBeanManager().getExtension(DySessionExtension.class).runtime().context();
        return container;
    }

    @ParameterizedTest
    @ValueSource(strings = {"merge", "strict", "serialized"})
    void aNewSessionWhosePutItemAnswerWasLostGetsItsCookie(String mode) {
        try (SeContainer container = start("lost-create", mode)) {
            store.proxy().failNext(Fault.loseAnswer(), 1, "PutItem");
            Response created = requests.send(null, () -> cart.add("book"));
            assertEquals(1, store.proxy().faulted(), "the first PutItem's answer was lost");
            assertNotNull(created.setCookie(), "the cookie of the new session is sent");
            requests.send(created.setCookie(), () -> assertEquals(List.of("book"), cart.getItems()));
            assertEquals(0, statistics.overwrites());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"merge", "strict", "serialized"})
    void anUpdateWhoseAnswerWasLostIsNeitherAConflictNorAnOverwrite(String mode) {
        try (SeContainer container = start("lost-update", mode)) {
            String id = requests.send(null, () -> cart.add("book")).setCookie();
            // serialized: the lock's UpdateItem loses its answer too, and the retry takes its own lock again
            int lost = mode.equals("serialized") ? 2 : 1;
            store.proxy().failNext(Fault.loseAnswer(), lost, "UpdateItem");
            Response saved = requests.send(id, () -> cart.add("pen"));
            assertEquals(lost, store.proxy().faulted(), "the UpdateItems' answers were lost");
            assertEquals(SessionChange.Kind.SAVED, saved.change());
            requests.send(id, () -> assertEquals(List.of("book", "pen"), cart.getItems(), "written once"));
            assertEquals(0, statistics.overwrites(), "its own write is not another request's change");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"merge", "strict", "serialized"})
    void aRotationWhoseAnswerWasLostKeepsTheStateUnderTheNewId(String mode) {
        try (SeContainer container = start("lost-rotation", mode)) {
            String id = requests.send(null, () -> cart.add("book")).setCookie();
            store.proxy().failNext(Fault.loseAnswer(), 1, "TransactWriteItems");
            Response rotated = requests.send(id, session::rotateId);
            assertRotated(id, rotated);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"merge", "strict", "serialized"})
    void aLoginWhoseAnswerWasLostIsKept(String mode) {
        try (SeContainer container = start("lost-login", mode)) {
            String id = requests.send(null, () -> cart.add("book")).setCookie();
            store.proxy().failNext(Fault.loseAnswer(), 1, "TransactWriteItems");
            Response loggedIn = requests.send(id, () -> context.current()
                    .logIn(new SessionLogin("ada", List.of("user"), "test", System.currentTimeMillis())));
            assertRotated(id, loggedIn);
            requests.send(loggedIn.setCookie(), () -> assertEquals(Optional.of("ada"), session.caller()));
        }
    }

    private void assertRotated(String oldId, Response rotated) {
        assertEquals(1, store.proxy().faulted(), "the first TransactWriteItems' answer was lost");
        assertEquals(SessionChange.Kind.ROTATED, rotated.change(), "not ended: the write was this request's own");
        assertNotNull(rotated.setCookie(), "the new id is sent");
        requests.send(rotated.setCookie(), () -> assertEquals(List.of("book"), cart.getItems()));
        requests.send(oldId, () -> assertEquals(List.of(), cart.getItems(), "the old id is dead"));
    }
}
