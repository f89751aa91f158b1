package io.dysession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a security reviewer checks, from the outside, on one Payara Micro with ids accepted from
 * the cookie and from the {@code X-DySession} header, a two-hour {@code Max-Age} and
 * {@code SameSite=Strict}: the id changes at login and the old one dies, logout clears the cookie
 * and kills the id, the cookie attributes, header-only clients, hostile ids sent over a raw socket
 * (never a 5xx, never adopted), and, last, no session id in the server's log.
 */
@ExtendWith({BuildEnvironment.class, ArquillianExtension.class})
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String QUALIFIER = "security";
    private static final String ID_HEADER = "X-DySession";
    private static final String COOKIE = Browser.SESSION_COOKIE;
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Every session id these tests were given or made up; none may show up in the server's log. */
    private static final Set<String> IDS = ConcurrentHashMap.newKeySet();

    @Deployment(testable = false)
    @TargetsContainer(QUALIFIER)
    static WebArchive app() {
        return TestWar.create("security", "dysession-it-security", List.of(
                "dysession.id-source=cookie,header",
                "dysession.cookie.max-age=PT2H",
                "dysession.cookie.same-site=Strict"));
    }

    @ArquillianResource
    URL deployed;

    private URI app;

    @BeforeEach
    void locateApp() {
        app = TestWar.baseUri(deployed);
    }

    // ---- 1. rotation after login

    @Test
    @Order(1)
    void loginRotatesTheIdKeepsTheStateAndKillsTheOldId() {
        Browser browser = new Browser();
        Browser.Response first = seen(browser.get(app.resolve("count")));
        assertEquals(1, first.count());
        String beforeLogin = first.sessionCookie().value();
        assertEquals(2, seen(browser.get(app.resolve("count"))).count());

        Browser.Response login = seen(browser.get(app.resolve("login")));
        assertEquals(3, login.count(), () -> "login counts too: " + login);
        SetCookie rotated = login.sessionCookie();
        assertWellFormed(rotated.value(), login);
        assertNotEquals(beforeLogin, rotated.value(), () -> "a new id at login: " + login);
        assertEquals(Optional.of("7200"), rotated.attribute("Max-Age"), rotated::raw);
        assertEquals(Optional.of(rotated.value()), login.headers().firstValue(ID_HEADER),
                () -> "the id header carries the rotated id too: " + login);
        assertEquals(rotated.value(), browser.sessionId(app).orElseThrow(), "the browser now holds the new id");

        assertEquals(4, seen(browser.get(app.resolve("count"))).count(), "the state followed the new id");
        assertEquals("new=false timeout=PT30M", seen(browser.get(app.resolve("whoami"))).body());

        Browser stale = new Browser();
        stale.holdSessionCookie(app, beforeLogin);
        Browser.Response staleCount = seen(stale.get(app.resolve("count")));
        assertEquals(1, staleCount.count(), () -> "the pre-login id starts afresh: " + staleCount);
        String issued = staleCount.sessionCookie().value();
        assertWellFormed(issued, staleCount);
        assertNotEquals(beforeLogin, issued, "the pre-login id is not adopted");
        assertNotEquals(rotated.value(), issued);

        Browser reader = new Browser();
        reader.holdSessionCookie(app, beforeLogin);
        Browser.Response staleRead = seen(reader.get(app.resolve("read")));
        assertEquals(0, staleRead.count(), () -> "nothing under the pre-login id: " + staleRead);
        assertGivesNoId(staleRead);
        reader.holdSessionCookie(app, beforeLogin);
        assertEquals("new=true timeout=PT30M", seen(reader.get(app.resolve("whoami"))).body());

        assertEquals(4, seen(browser.get(app.resolve("read"))).count(), "the logged-in session is untouched");
    }

    // ---- 2. logout

    @Test
    @Order(2)
    void logoutClearsTheCookieAndTheOldIdStartsAfresh() {
        Browser browser = new Browser();
        Browser.Response first = seen(browser.get(app.resolve("count")));
        String id = first.sessionCookie().value();
        assertEquals(2, seen(browser.get(app.resolve("count"))).count());

        Browser.Response logout = seen(browser.get(app.resolve("logout")));
        assertEquals(200, logout.status(), () -> logout.toString());
        assertEquals("bye", logout.body());
        SetCookie cleared = logout.sessionCookie();
        assertEquals("", cleared.value(), cleared::raw);
        assertEquals(Optional.of("0"), cleared.attribute("Max-Age"), cleared::raw);
        assertEquals(Optional.of("/security"), cleared.attribute("Path"), cleared::raw);
        assertTrue(cleared.has("HttpOnly"), cleared::raw);
        assertEquals(Optional.of("strict"), cleared.attribute("SameSite").map(v -> v.toLowerCase(Locale.ROOT)),
                cleared::raw);
        assertTrue(browser.sessionId(app).isEmpty(), "the browser dropped the cookie");

        Browser replay = new Browser();
        replay.holdSessionCookie(app, id);
        Browser.Response replayRead = seen(replay.get(app.resolve("read")));
        assertEquals(0, replayRead.count(), () -> "nothing left under the logged-out id: " + replayRead);
        assertGivesNoId(replayRead);
        replay.holdSessionCookie(app, id);
        Browser.Response replayCount = seen(replay.get(app.resolve("count")));
        assertEquals(1, replayCount.count(), () -> replayCount.toString());
        assertNotEquals(id, replayCount.sessionCookie().value(), "the logged-out id is not reused");

        Browser.Response again = seen(browser.get(app.resolve("count")));
        assertEquals(1, again.count(), () -> "after logout the browser starts afresh: " + again);
        assertNotEquals(id, again.sessionCookie().value());
    }

    // ---- 3. cookie attributes under this configuration

    @Test
    @Order(3)
    void theCookieHasMaxAgeSameSiteStrictAndIsRefreshedOnlyWhenTheSessionIsWritten() {
        Browser browser = new Browser();
        Browser.Response created = seen(browser.get(app.resolve("count")));
        assertEquals(1, created.count());
        SetCookie cookie = created.sessionCookie();
        assertWellFormed(cookie.value(), created);
        assertEquals(Optional.of("7200"), cookie.attribute("Max-Age"), cookie::raw);
        assertEquals(Optional.of("strict"), cookie.attribute("SameSite").map(v -> v.toLowerCase(Locale.ROOT)),
                cookie::raw);
        assertTrue(cookie.has("HttpOnly"), cookie::raw);
        assertEquals(Optional.of("/security"), cookie.attribute("Path"), cookie::raw);
        assertFalse(cookie.has("Secure"), () -> "plain http, secure=auto: " + cookie.raw());
        assertFalse(cookie.has("Domain"), cookie::raw);

        Browser.Response changed = seen(browser.get(app.resolve("count")));
        assertEquals(2, changed.count());
        SetCookie refreshed = changed.sessionCookie();
        assertEquals(cookie.value(), refreshed.value(), () -> "the same id, sent again: " + changed);
        assertEquals(Optional.of("7200"), refreshed.attribute("Max-Age"), refreshed::raw);
        assertEquals(Optional.of("strict"), refreshed.attribute("SameSite").map(v -> v.toLowerCase(Locale.ROOT)),
                refreshed::raw);
        assertTrue(refreshed.has("HttpOnly"), refreshed::raw);

        Browser.Response read = seen(browser.get(app.resolve("read")));
        assertEquals(2, read.count());
        assertEquals(List.of(), read.setCookieHeaders(), () -> "a read-only request writes no cookie: " + read);
        assertEquals(Optional.empty(), read.headers().firstValue(ID_HEADER), () -> read.toString());
    }

    // ---- 4. ids in a request header

    @Test
    @Order(4)
    void aClientWithoutCookiesCarriesTheIdInTheHeader() {
        HttpClient api = HttpClient.newBuilder() // no cookie handler: cookies are neither kept nor sent
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        Browser.Response first = seen(send(api, "count", null));
        assertEquals(1, first.count());
        String id = first.headers().firstValue(ID_HEADER)
                .orElseThrow(() -> new AssertionError("no " + ID_HEADER + " on the response that created the session: "
                        + first));
        assertWellFormed(id, first);
        assertEquals(id, first.sessionCookie().value(), "header and cookie carry the same id");

        Browser.Response second = seen(send(api, "count", id));
        assertEquals(2, second.count(), () -> "the header id finds the session: " + second);
        assertEquals(Optional.empty(), second.headers().firstValue(ID_HEADER),
                () -> "the id header comes back only when the id is new: " + second);
        assertEquals(2, seen(send(api, "read", id)).count());
        assertEquals("new=false timeout=PT30M", seen(send(api, "whoami", id)).body());

        Browser.Response without = seen(send(api, "count", null));
        assertEquals(1, without.count(), () -> "no id, no session: " + without);
        assertNotEquals(id, without.headers().firstValue(ID_HEADER).orElseThrow());

        Browser.Response login = seen(send(api, "login", id));
        assertEquals(3, login.count(), () -> login.toString());
        String rotated = login.headers().firstValue(ID_HEADER)
                .orElseThrow(() -> new AssertionError("no " + ID_HEADER + " after rotation: " + login));
        assertWellFormed(rotated, login);
        assertNotEquals(id, rotated);
        assertEquals(rotated, login.sessionCookie().value());
        assertEquals(4, seen(send(api, "count", rotated)).count(), "the state followed the rotated id");
        Browser.Response old = seen(send(api, "read", id));
        assertEquals(0, old.count(), () -> "the pre-rotation header id is dead: " + old);
        assertGivesNoId(old);
    }

    // ---- 5. hostile input, on a raw socket

    @Test
    @Order(5)
    void hostileIdsGetNoServerErrorAndAreNeverAdopted() {
        Browser owner = new Browser();
        assertEquals(1, seen(owner.get(app.resolve("count"))).count());
        assertEquals(2, seen(owner.get(app.resolve("count"))).count());
        String real = owner.sessionId(app).orElseThrow();
        String unknown = made();
        String unknown2 = made();
        String noncanonical = unknown.substring(0, 42) + "B"; // 43 base64url chars, but not what 32 bytes encode to

        // Controls: the raw client's Cookie and X-DySession headers do reach the library (the live id is
        // found through either), so the fresh sessions below are the library's answer to the input.
        for (Source source : Source.values()) {
            RawHttp.Reply live = RawHttp.get(app, app.getPath() + "read", "live id in " + source,
                    List.of(RawHttp.header(source.header, source.prefix + real)));
            assertEquals(200, live.status(), live::toString);
            assertEquals("2", live.body().trim(), () -> "the raw client reaches the live session: " + live);
            assertEquals(List.of(), live.setCookies(COOKIE), live::toString);
        }

        List<Hostile> cases = new ArrayList<>();
        for (Source source : Source.values()) {
            cases.add(source.hostile("empty", ascii("")));
            cases.add(source.hostile("4 KB+ (4100 chars)", ascii("A".repeat(4100))));
            cases.add(source.hostile("8 KB+ (8300 chars)", ascii("A".repeat(8300))));
            cases.add(source.hostile("42 id chars + UTF-8 é", concat(ascii(made().substring(0, 42)),
                    "\u00e9".getBytes(StandardCharsets.UTF_8))));
            cases.add(source.hostile("42 id chars + raw 0xFF", concat(ascii(made().substring(0, 42)),
                    new byte[] {(byte) 0xFF})));
            cases.add(source.hostile("42 id chars + raw 0x00", concat(ascii(made().substring(0, 42)),
                    new byte[] {0})));
            cases.add(source.hostile("live id + 'A'", ascii(real + "A")));
            cases.add(source.hostile("live id + '='", ascii(real + "=")));
            cases.add(source.hostile("live id + '%00'", ascii(real + "%00")));
            cases.add(source.hostile("unknown id + 'x'", ascii(unknown + "x")));
            cases.add(source.hostile("' OR '1'='1 (SQL)", ascii("' OR '1'='1")));
            cases.add(source.hostile("{\"$ne\":null} (JSON/NoSQL)", ascii("{\"$ne\":null}")));
            cases.add(source.hostile("${7*7} (EL)", ascii("${7*7}")));
            cases.add(source.hostile("#{1+1} (EL)", ascii("#{1+1}")));
            cases.add(source.hostile("%00 (encoded NUL)", ascii("%00")));
            cases.add(source.hostile("43 chars, non-canonical last char", ascii(noncanonical)));
            cases.add(source.hostile("well-formed unknown id", ascii(unknown)));
            cases.add(source.twice("malformed + well-formed unknown", "abc", unknown));
            cases.add(source.twice("two well-formed unknown", unknown, unknown2));
        }
        cases.add(Source.COOKIE.inOneHeader("one Cookie header, two " + COOKIE + ": malformed + well-formed unknown",
                "abc", unknown));
        cases.add(Source.COOKIE.inOneHeader("one Cookie header, two " + COOKIE + ": two well-formed unknown",
                unknown, unknown2));

        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Hostile hostile : cases) {
            RawHttp.Reply reply = RawHttp.get(app, app.getPath() + "count", hostile.label(), hostile.lines());
            List<String> problems = check(hostile, reply, real);
            String control = "";
            if (reply.status() != 200) {
                // The same bytes to a servlet that uses no session bean: the same answer means the
                // container refused the request before the application (and dysession) saw it.
                RawHttp.Reply plain = RawHttp.get(app, app.getPath() + "plain", hostile.label(), hostile.lines());
                control = " (GET plain: " + plain.status() + " too)";
                if (plain.status() != reply.status()) {
                    problems.add("GET plain answered " + plain.status() + ", not " + reply.status()
                            + ": the rejection is not the container's\n" + plain);
                }
            }
            List<SetCookie> cookies = reply.setCookies(COOKIE);
            report.add(String.format("%-75s -> %s%s%s%s%s", hostile.label(),
                    reply.status() < 0 ? reply.statusLine() : Integer.toString(reply.status()),
                    reply.status() == 200 ? ", count " + reply.body().trim() : "",
                    cookies.isEmpty() ? ", no Set-Cookie" : ", Set-Cookie " + COOKIE + "=<fresh "
                            + cookies.get(0).value().length() + "-char id>",
                    reply.first(ID_HEADER).isPresent() ? ", " + ID_HEADER + ": <the same fresh id>" : "",
                    control));
            if (!problems.isEmpty()) {
                failures.add(hostile.label() + ": " + problems + "\n" + reply);
            }
        }
        System.out.println("SecurityIT hostile input, GET " + app.getPath() + "count:\n  "
                + String.join("\n  ", report));
        if (!failures.isEmpty()) {
            fail(failures.size() + " hostile inputs misbehaved:\n" + String.join("\n\n", failures)
                    + "\n\nall results:\n  " + String.join("\n  ", report));
        }

        Browser.Response after = seen(owner.get(app.resolve("read")));
        assertEquals(2, after.count(), () -> "the live session was not disturbed: " + after);
        assertEquals(List.of(), after.setCookieHeaders(), () -> after.toString());
    }

    /**
     * What must hold for every hostile request: an answer below 500 (a 4xx only for header bytes that
     * HTTP does not allow), a fresh 43-character id if any, and a count of 1 on a 200.
     */
    private static List<String> check(Hostile hostile, RawHttp.Reply reply, String live) {
        List<String> problems = new ArrayList<>();
        if (reply.status() < 0) {
            problems.add("no HTTP response");
        } else if (reply.status() >= 500) {
            problems.add("server error " + reply.status());
        } else if (reply.status() != 200 && !hostile.containerMayReject()) {
            problems.add("expected 200 for a value HTTP allows, got " + reply.status());
        } else if (reply.status() != 200 && reply.status() / 100 != 4) {
            problems.add("expected 200 or 4xx, got " + reply.status());
        }
        List<String> issued = new ArrayList<>();
        reply.setCookies(COOKIE).forEach(cookie -> issued.add(cookie.value()));
        issued.addAll(reply.all(ID_HEADER));
        for (String id : issued) {
            if (!SESSION_ID.matcher(id).matches()) {
                problems.add("issued id is not 43 base64url chars: " + id);
            }
            if (hostile.sent().contains(id) || id.equals(live) || IDS.contains(id)) {
                problems.add("ADOPTED an id the client sent or already knew: " + id);
            }
        }
        IDS.addAll(issued);
        if (reply.status() == 200) {
            if (!reply.body().trim().equals("1")) {
                problems.add("count " + reply.body().trim() + ", expected 1 (a fresh session)");
            }
            if (reply.setCookies(COOKIE).size() != 1) {
                problems.add("expected one Set-Cookie for the fresh session, got " + reply.setCookies(COOKIE).size());
            }
            if (reply.all(ID_HEADER).size() != 1) {
                problems.add("expected one " + ID_HEADER + " for the fresh session, got " + reply.all(ID_HEADER).size());
            } else if (!reply.setCookies(COOKIE).isEmpty()
                    && !reply.all(ID_HEADER).get(0).equals(reply.setCookies(COOKIE).get(0).value())) {
                problems.add("cookie and header carry different ids");
            }
        } else if (!issued.isEmpty()) {
            problems.add("a session id on a " + reply.status());
        }
        return problems;
    }

    // ---- 6. the server log

    @Test
    @Order(6)
    void noSessionIdAppearsInTheServerLog() throws InterruptedException {
        assertTrue(IDS.size() > 20, () -> "the tests above saw or sent ids: " + IDS.size());
        String mark = "security-it-" + UUID.randomUUID();
        Browser.Response marked = new Browser().get(app.resolve("log-mark?text=" + mark));
        assertEquals(200, marked.status(), () -> marked.toString());

        // Payara writes its log asynchronously: wait until the mark is on disk (so is all before it).
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Path> logs = serverLogs();
        while (logs.stream().noneMatch(log -> read(log).contains(mark))) {
            if (System.nanoTime() > deadline) {
                fail("the log mark never reached " + logs);
            }
            Thread.sleep(200);
            logs = serverLogs();
        }

        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = read(log);
            for (String id : IDS) {
                int at = text.indexOf(id);
                if (at >= 0) {
                    int lineStart = text.lastIndexOf('\n', at) + 1;
                    int lineEnd = text.indexOf('\n', at);
                    leaks.add(log + ": " + text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
                }
            }
        }
        assertEquals(List.of(), leaks, () -> "raw session ids in the server log (" + IDS.size() + " ids checked)");
    }

    /** The log files of this container: {@code <it dir>/security.log*} and any {@code *.log*} under its root dir. */
    private static List<Path> serverLogs() {
        Path dir = Path.of(System.getProperty("dysession.it.dir", "target/it"));
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith(QUALIFIER + ".log")).forEach(logs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path root = dir.resolve(QUALIFIER).resolve("root");
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root, 4)) {
                files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains(".log"))
                        .forEach(logs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertFalse(logs.isEmpty(), () -> "no log file of container " + QUALIFIER + " in " + dir);
        return logs;
    }

    private static String read(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers

    /** Where a hostile id is sent. */
    private enum Source {
        COOKIE("Cookie", Browser.SESSION_COOKIE + "="), HEADER(ID_HEADER, "");

        private final String header;
        private final String prefix;

        Source(String header, String prefix) {
            this.header = header;
            this.prefix = prefix;
        }

        Hostile hostile(String what, byte[] value) {
            String sent = new String(value, StandardCharsets.ISO_8859_1);
            boolean httpAllows = value.length < 8000 && allVisibleAscii(value);
            return new Hostile(header + ": " + prefix + "[" + what + "]", List.of(RawHttp.header(header, concat(ascii(prefix), value))),
                    Set.of(sent), !httpAllows);
        }

        /** The same header twice in one request, one value each. */
        Hostile twice(String what, String first, String second) {
            return new Hostile("two " + header + " headers: " + what,
                    List.of(RawHttp.header(header, prefix + first), RawHttp.header(header, prefix + second)),
                    Set.of(first, second), false);
        }

        /** Two cookies of the session cookie's name in one Cookie header. */
        Hostile inOneHeader(String what, String first, String second) {
            return new Hostile(what,
                    List.of(RawHttp.header(header, prefix + first + "; " + prefix + second)),
                    Set.of(first, second), false);
        }
    }

    /** One hostile request: its extra header lines, the id values it sent, whether a 4xx is acceptable. */
    private record Hostile(String label, List<byte[]> lines, Set<String> sent, boolean containerMayReject) {
    }

    private static boolean allVisibleAscii(byte[] value) {
        for (byte b : value) {
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A well-formed id that the server never issued (remembered for the log check). */
    private static String made() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        IDS.add(id);
        return id;
    }

    /** Remembers the ids a response carried, for the log check. */
    private static Browser.Response seen(Browser.Response response) {
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
    private static void assertGivesNoId(Browser.Response response) {
        assertEquals(Optional.empty(), response.headers().firstValue(ID_HEADER), () -> response.toString());
        for (String header : response.setCookieHeaders()) {
            SetCookie cookie = SetCookie.parse(header);
            if (cookie.name().equals(COOKIE)) {
                assertEquals("", cookie.value(), () -> "only a clearing cookie: " + response);
                assertEquals(Optional.of("0"), cookie.attribute("Max-Age"), () -> "only a clearing cookie: " + response);
            }
        }
    }

    private static void assertWellFormed(String id, Browser.Response response) {
        assertTrue(SESSION_ID.matcher(id).matches(), () -> "43 base64url characters: " + id + " in " + response);
    }

    /** {@code GET path}, with the id in the {@code X-DySession} header when not null. */
    private Browser.Response send(HttpClient client, String path, String id) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(app.resolve(path)).timeout(TIMEOUT).GET();
        if (id != null) {
            builder.header(ID_HEADER, id);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(request.method(), request.uri(), response.statusCode(), response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("GET " + request.uri() + " was interrupted", e);
        }
    }
}
