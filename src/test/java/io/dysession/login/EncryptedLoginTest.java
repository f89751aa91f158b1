package io.dysession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.dysession.DySession;
import io.dysession.DySessionInfo;
import io.dysession.DySessionRegistry;
import io.dysession.DySessionStatistics;
import io.dysession.beans.Cart;
import io.dysession.internal.store.SessionKeys;
import io.dysession.test.Containers;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * With dysession.encryption.keys the login is sealed like a bean value: the caller's name and
 * groups are not in the table, the caller index (keyed by the caller's digest) still lists the
 * session, and a login whose key was removed reads as no login, without an error.
 */
class EncryptedLoginTest {

    private static final String TABLE = "encrypted-login";
    private static final String OLD = "old:" + key(5);
    private static final String NEW = "new:" + key(6);

    private final Items items = new Items(TABLE);

    @AfterEach
    void restore() {
        TestConfig.use(TABLE);
    }

    @Test
    void theLoginIsSealedListedByTheCallerIndexAndResetWhenItsKeyIsGone() {
        String caller = "alice-" + UUID.randomUUID();
        String id;
        TestConfig.use(TABLE, Map.of("dysession.encryption.keys", OLD));
        try (SeContainer container = Containers.start(Cart.class, Logins.class)) {
            Requests requests = new Requests(container.getBeanManager());
            Logins logins = container.select(Logins.class).get();
            Cart cart = container.select(Cart.class).get();
            id = requests.send(null, () -> {
                cart.add("book");
                logins.logIn(caller, "Firefox/140", "group-secret-7d1");
            }).setCookie();

            Map<String, AttributeValue> item = items.of(id);
            byte[] login = item.get("login").b().asByteArray();
            assertEquals(1, login[0], "the login is a sealed binary value");
            assertEquals("old", new String(login, 2, login[1], StandardCharsets.US_ASCII));
            String shown = item.toString() + new String(login, StandardCharsets.ISO_8859_1);
            for (String secret : List.of(caller, "group-secret-7d1", "Firefox/140")) {
                assertFalse(shown.contains(secret), () -> secret + " readable in the item: " + shown);
            }
            assertEquals(new SessionKeys("").ofCaller(caller), item.get("caller").s(), "the index key is unchanged");

            assertEquals(Optional.of(caller), callerOf(requests, container, id));
            List<DySessionInfo> listed = new ArrayList<>();
            requests.send(null, () -> listed.addAll(container.select(DySessionRegistry.class).get().sessionsOf(caller)));
            assertEquals(1, listed.size(), "the caller index lists the session");
            assertEquals("Firefox/140", listed.get(0).client(), "read from the sealed login");
        }

        TestConfig.use(TABLE, Map.of("dysession.encryption.keys", NEW));
        try (SeContainer container = Containers.start(Cart.class, Logins.class)) {
            Requests requests = new Requests(container.getBeanManager());
            assertEquals(Optional.empty(), callerOf(requests, container, id), "a login that does not open is no login");
            assertEquals(2, container.select(DySessionStatistics.class).get().undecryptableValues(), "the login and the cart");
            List<DySessionInfo> listed = new ArrayList<>();
            requests.send(null, () -> listed.addAll(container.select(DySessionRegistry.class).get().sessionsOf(caller)));
            assertEquals(List.of(), listed, "nor listed as one");
            assertNotNull(items.of(id).get("login"), "and it is left in place");
        }
    }

    private static Optional<String> callerOf(Requests requests, SeContainer container, String id) {
        List<Optional<String>> caller = new ArrayList<>();
        requests.send(id, () -> caller.add(container.select(DySession.class).get().caller()));
        return caller.get(0);
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 13 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
