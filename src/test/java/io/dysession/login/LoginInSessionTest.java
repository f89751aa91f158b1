package io.dysession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dysession.DySession;
import io.dysession.beans.Cart;
import io.dysession.internal.context.SessionChange.Kind;
import io.dysession.internal.store.SessionKeys;
import io.dysession.test.EnableDySession;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.Requests.Response;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A login kept with the session: stored in the request's one write, id rotated, read back, ended. */
@EnableDySession(table = LoginInSessionTest.TABLE, beans = {Cart.class, Logins.class})
class LoginInSessionTest {

    static final String TABLE = "login-in-session";

    private final Items items = new Items(TABLE);

    @Inject
    Cart cart;

    @Inject
    DySession session;

    @Inject
    Requests requests;

    @Inject
    Logins logins;

    @Test
    void theLoginIsWrittenWithTheBeansInTheRotationThatEndsTheOldId() {
        String before = requests.send(null, () -> cart.add("book")).setCookie();

        Response login = requests.send(before, () -> {
            cart.add("pen");
            logins.logIn("alice", "Firefox/140", "user", "admin");
            assertEquals(Optional.of("alice"), session.caller(), "the request sees its own login");
        });
        assertEquals(List.of("GetItem", "TransactWriteItems"), login.calls(), "one load, one write");
        assertEquals(Kind.ROTATED, login.change());
        String after = login.setCookie();
        assertNotEquals(before, after, "a new id at login (session fixation)");
        assertTrue(items.of(before).isEmpty(), "the id from before the login is gone");

        Map<String, AttributeValue> item = items.of(after);
        Map<String, AttributeValue> stored = item.get("login").m();
        assertEquals("alice", stored.get("caller").s());
        assertEquals(List.of("user", "admin"), stored.get("groups").l().stream().map(AttributeValue::s).toList());
        assertEquals("Firefox/140", stored.get("client").s());
        assertEquals(sha256("alice"), item.get("caller").s(), "the index key is the digest, not the name");
        assertEquals("{\"items\":[\"book\",\"pen\"]}", item.get("beans").m().get(Cart.class.getName()).s());

        Response beforeAgain = requests.send(before, () -> assertEquals(Optional.empty(), session.caller()));
        assertEquals(Kind.ENDED, beforeAgain.change(), "the old id is no session: its cookie is cleared");
    }

    @Test
    void aLoginOnANewSessionIsOnePutItem() {
        Response login = requests.send(null, () -> logins.logIn("bob", "curl/8", "user"));
        assertEquals(List.of("PutItem"), login.calls());
        assertEquals(Kind.STARTED, login.change());
        assertEquals("bob", items.of(login.setCookie()).get("login").m().get("caller").s());
    }

    @Test
    void aLoggedInReadOnlyRequestCostsOneGetItem() {
        String id = requests.send(null, () -> logins.logIn("carol", "", "user")).setCookie();

        Response read = requests.send(id, () -> {
            assertEquals(Optional.of("carol"), session.caller());
            assertEquals(List.of(), cart.getItems());
        });
        assertEquals(List.of("GetItem"), read.calls());
        assertNull(read.setCookie());
    }

    @Test
    void logoutRemovesTheLoginAndTheIndexKeyButKeepsTheSession() {
        String id = requests.send(null, () -> {
            cart.add("book");
            logins.logIn("dave", "", "user");
        }).setCookie();

        Response logout = requests.send(id, logins::logOut);
        assertEquals(List.of("GetItem", "UpdateItem"), logout.calls());
        Map<String, AttributeValue> item = items.of(id);
        assertFalse(item.containsKey("login"), item::toString);
        assertFalse(item.containsKey("caller"), "out of the sparse index: " + item);
        requests.send(id, () -> {
            assertEquals(Optional.empty(), session.caller());
            assertEquals(List.of("book"), cart.getItems(), "the session and its state stay");
        });
    }

    @Test
    void invalidateEndsTheLogin() {
        String id = requests.send(null, () -> logins.logIn("erin", "", "user")).setCookie();
        requests.send(id, session::invalidate);
        assertTrue(items.of(id).isEmpty());
        requests.send(id, () -> assertEquals(Optional.empty(), session.caller()));
    }

    @Test
    void theHandleIsThePublicDigestOfTheId() {
        String[] handle = new String[1];
        String id = requests.send(null, () -> {
            cart.add("book");
            handle[0] = session.handle();
        }).setCookie();
        assertNotNull(id);
        assertEquals(Items.digest(id), handle[0]);
        requests.send(id, () -> assertEquals(Items.digest(id), session.handle()));
    }

    @Test
    void aSessionWithoutLoginHasNoLoginAttributes() {
        String id = requests.send(null, () -> cart.add("book")).setCookie();
        assertEquals(Set.of("PK", "ttl", "created", "accessed", "ver", "beans", "bver", "wt"), items.of(id).keySet());
    }

    @Test
    void theCallerDigestIsPrefixedSha256OfTheUtf8Name() {
        assertEquals(sha256("zoë"), new SessionKeys("").ofCaller("zoë"));
        assertEquals("app1#" + sha256("zoë"), new SessionKeys("app1#").ofCaller("zoë"));
        assertNotEquals(new SessionKeys("").ofCaller("alice"), new SessionKeys("").ofCaller("Alice"));
    }

    private static String sha256(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
