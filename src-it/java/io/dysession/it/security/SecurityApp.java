package io.dysession.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.dysession.it.support.Browser;
import io.dysession.it.support.OneServer;
import io.dysession.it.support.SetCookie;
import io.dysession.it.support.TestWar;

/**
 * The security ITs' application, deployed to a Payara Micro of each test class's own, with ids accepted
 * from the cookie and from the {@code X-DySession} header, a two-hour {@code Max-Age} and
 * {@code SameSite=Strict}; the session ids each test class saw or made up ({@link #ids()}); and the
 * test that runs last in each class: none of its ids is in the server's log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SecurityApp extends OneServer {

    static final String CONTAINER = "security";
    static final String ID_HEADER = "X-DySession";
    static final String COOKIE = Browser.SESSION_COOKIE;
    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Per test class: each checks only the ids it saw itself. */
    private static final ClassValue<SeenIds> SEEN = new ClassValue<>() {
        @Override
        protected SeenIds computeValue(Class<?> testClass) {
            return new SeenIds();
        }
    };

    @Deployment(testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive war() {
        return TestWar.create("security", "dysession-it-security", List.of(
                "dysession.id-source=cookie,header",
                "dysession.cookie.max-age=PT2H",
                "dysession.cookie.same-site=Strict"));
    }

    /** The session ids this test class was given or made up so far. */
    final SeenIds ids() {
        return SEEN.get(getClass());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noSessionIdAppearsInTheServerLog() throws InterruptedException {
        assertTrue(ids().size() > 5, () -> "the tests above saw or sent ids: " + ids().size());
        ids().assertNoneInLogOf(CONTAINER, app);
    }

    /**
     * A response to a request that carried a dead id and changed nothing: no id comes back; a
     * Set-Cookie, if any, only clears the cookie (empty value, {@code Max-Age=0}).
     */
    static void assertGivesNoId(Browser.Response response) {
        assertEquals(Optional.empty(), response.headers().firstValue(ID_HEADER), () -> response.toString());
        for (String header : response.setCookieHeaders()) {
            SetCookie cookie = SetCookie.parse(header);
            if (cookie.name().equals(COOKIE)) {
                assertEquals("", cookie.value(), () -> "only a clearing cookie: " + response);
                assertEquals(Optional.of("0"), cookie.attribute("Max-Age"), () -> "only a clearing cookie: " + response);
            }
        }
    }

    static void assertWellFormed(String id, Browser.Response response) {
        assertTrue(SESSION_ID.matcher(id).matches(), () -> "43 base64url characters: " + id + " in " + response);
    }
}
