package io.dysession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application the security ITs deploy to their one Payara Micro, with ids accepted from the
 * cookie and from the {@code X-DySession} header, a two-hour {@code Max-Age} and
 * {@code SameSite=Strict}; and every session id those tests were given or made up.
 */
final class SecurityApp {

    static final String QUALIFIER = "security";
    static final String ID_HEADER = "X-DySession";
    static final String COOKIE = Browser.SESSION_COOKIE;
    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Every session id the security tests were given or made up; none may show up in the server's log. */
    static final Set<String> IDS = ConcurrentHashMap.newKeySet();

    private SecurityApp() {
    }

    static WebArchive war() {
        return TestWar.create("security", "dysession-it-security", List.of(
                "dysession.id-source=cookie,header",
                "dysession.cookie.max-age=PT2H",
                "dysession.cookie.same-site=Strict"));
    }

    /** A well-formed id that the server never issued (remembered for the log check). */
    static String made() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        IDS.add(id);
        return id;
    }

    /** Remembers the ids a response carried, for the log check. */
    static Browser.Response seen(Browser.Response response) {
        response.setCookieHeaders().stream().map(SetCookie::parse)
                .filter(cookie -> cookie.name().equals(COOKIE) && !cookie.value().isEmpty())
                .forEach(cookie -> IDS.add(cookie.value()));
        response.headers().allValues(ID_HEADER).forEach(IDS::add);
        return response;
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
