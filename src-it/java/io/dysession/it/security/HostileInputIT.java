package io.dysession.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.dysession.it.support.Browser;
import io.dysession.it.support.RawHttp;
import io.dysession.it.support.SetCookie;

/**
 * Hostile ids sent over a raw socket to the security app ({@link SecurityApp}): never a 5xx, never
 * adopted; and, last, no session id that this test saw or sent in the server's log.
 */
class HostileInputIT extends SecurityApp {

    @Test
    @Order(1)
    void hostileIdsGetNoServerErrorAndAreNeverAdopted() {
        Browser owner = new Browser();
        assertEquals(1, ids().seen(owner.get(app.resolve("count"))).count());
        assertEquals(2, ids().seen(owner.get(app.resolve("count"))).count());
        String real = owner.sessionId(app).orElseThrow();
        String unknown = ids().made();
        String unknown2 = ids().made();
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
            cases.add(source.hostile("42 id chars + UTF-8 é", concat(ascii(ids().made().substring(0, 42)),
                    "\u00e9".getBytes(StandardCharsets.UTF_8))));
            cases.add(source.hostile("42 id chars + raw 0xFF", concat(ascii(ids().made().substring(0, 42)),
                    new byte[] {(byte) 0xFF})));
            cases.add(source.hostile("42 id chars + raw 0x00", concat(ascii(ids().made().substring(0, 42)),
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
            List<String> problems = check(hostile, reply, real, ids());
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
        System.out.println("HostileInputIT, GET " + app.getPath() + "count:\n  "
                + String.join("\n  ", report));
        if (!failures.isEmpty()) {
            fail(failures.size() + " hostile inputs misbehaved:\n" + String.join("\n\n", failures)
                    + "\n\nall results:\n  " + String.join("\n  ", report));
        }

        Browser.Response after = ids().seen(owner.get(app.resolve("read")));
        assertEquals(2, after.count(), () -> "the live session was not disturbed: " + after);
        assertEquals(List.of(), after.setCookieHeaders(), () -> after.toString());
    }

    /**
     * What must hold for every hostile request: an answer below 500 (a 4xx only for header bytes that
     * HTTP does not allow), a fresh 43-character id if any, and a count of 1 on a 200.
     */
    private static List<String> check(Hostile hostile, RawHttp.Reply reply, String live, SeenIds known) {
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
            if (hostile.sent().contains(id) || id.equals(live) || known.contains(id)) {
                problems.add("ADOPTED an id the client sent or already knew: " + id);
            }
        }
        known.addAll(issued);
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
}
