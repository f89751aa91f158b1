package io.dysession.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP client that keeps cookies the way a browser does (java.net.CookieManager: domain and
 * path matched, a new cookie replacing the one with the same name, domain and path) and does
 * not follow redirects, so a test sees every response.
 */
public final class Browser {

    public static final String SESSION_COOKIE = "DYSESSION";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String userAgent;

    public Browser() {
        this(null);
    }

    /** A browser that sends this {@code User-Agent} (null: the JDK client's own). */
    public Browser(String userAgent) {
        this.userAgent = userAgent;
    }

    public Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public Response postForm(URI uri, String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Makes this browser hold {@code DYSESSION=value} for the app at {@code app}, as if a server had set it. */
    public void holdSessionCookie(URI app, String value) {
        HttpCookie cookie = new HttpCookie(SESSION_COOKIE, value);
        cookie.setVersion(0);
        cookie.setDomain(app.getHost());
        cookie.setPath(contextPath(app));
        cookies.getCookieStore().add(app, cookie);
    }

    /** The value of the one session cookie this browser would send to {@code app}, if it holds one. */
    public Optional<String> sessionId(URI app) {
        List<HttpCookie> held = cookies.getCookieStore().get(app).stream()
                .filter(cookie -> cookie.getName().equals(SESSION_COOKIE))
                .toList();
        if (held.size() > 1) {
            fail("The browser holds " + held.size() + " " + SESSION_COOKIE + " cookies for " + app + ": " + held);
        }
        return held.stream().map(HttpCookie::getValue).findFirst();
    }

    private Response send(HttpRequest.Builder request) {
        if (userAgent != null) {
            request.setHeader("User-Agent", userAgent);
        }
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Response(built.method(), built.uri(), response.statusCode(), response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(built.method() + " " + built.uri() + " was interrupted", e);
        }
    }

    /**
     * The one {@code Set-Cookie: DYSESSION=...} in {@code headers}, of a response sent by a client of the
     * test's own; fails, showing {@code response}, when there is none or several.
     */
    public static SetCookie sessionCookieIn(HttpHeaders headers, Object response) {
        List<SetCookie> session = headers.allValues("Set-Cookie").stream()
                .map(SetCookie::parse)
                .filter(cookie -> cookie.name().equals(SESSION_COOKIE))
                .toList();
        if (session.size() != 1) {
            fail("Expected exactly one Set-Cookie for " + SESSION_COOKIE + ", got " + session.size() + " in " + response);
        }
        return session.get(0);
    }

    private static String contextPath(URI app) {
        String path = app.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** One response, with what a failed assertion needs to show. */
    public record Response(String method, URI uri, int status, HttpHeaders headers, String body) {

        public List<String> setCookieHeaders() {
            return headers.allValues("Set-Cookie");
        }

        /** The one {@code Set-Cookie: DYSESSION=...} of this response; fails when there is none or several. */
        public SetCookie sessionCookie() {
            return sessionCookieIn(headers, this);
        }

        /** The body as the integer the counter servlets print; asserts a 200 first. */
        public int count() {
            assertEquals(200, status, () -> "status of " + this);
            try {
                return Integer.parseInt(body.trim());
            } catch (NumberFormatException e) {
                throw new AssertionError("Not a count: " + this, e);
            }
        }

        public String serverPid() {
            return headers.firstValue("X-Server-Pid").orElseThrow(() -> new AssertionError("No X-Server-Pid in " + this));
        }

        @Override
        public String toString() {
            String shown = body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
            return method + " " + uri + " -> " + status + " " + headers.map() + "\n" + shown;
        }
    }
}
