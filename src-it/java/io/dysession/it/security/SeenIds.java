package io.dysession.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.dysession.it.support.Browser;
import io.dysession.it.support.SetCookie;

/**
 * The session ids one test class was given or made up, and the check that none of them reached the
 * server's log. Each test class has its own ({@link SecurityApp#ids()}).
 */
final class SeenIds {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /** A well-formed id that the server never issued. */
    String made() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ids.add(id);
        return id;
    }

    /** Remembers the ids a response carried, in the session cookie and in the id header. */
    Browser.Response seen(Browser.Response response) {
        response.setCookieHeaders().stream().map(SetCookie::parse)
                .filter(cookie -> cookie.name().equals(SecurityApp.COOKIE) && !cookie.value().isEmpty())
                .forEach(cookie -> ids.add(cookie.value()));
        response.headers().allValues(SecurityApp.ID_HEADER).forEach(ids::add);
        return response;
    }

    void addAll(Collection<String> more) {
        ids.addAll(more);
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    int size() {
        return ids.size();
    }

    /**
     * Fails when any of the ids is in a log file of container {@code qualifier}: {@code <it dir>/<qualifier>.log*}
     * and any {@code *.log*} under its root directory. Payara writes its log asynchronously, so a request
     * to {@code app} logs a mark first, and the check waits until the mark (and so all before it) is on disk.
     */
    void assertNoneInLogOf(String qualifier, URI app) throws InterruptedException {
        String mark = "security-it-" + UUID.randomUUID();
        Browser.Response marked = new Browser().get(app.resolve("log-mark?text=" + mark));
        assertEquals(200, marked.status(), () -> marked.toString());

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Path> logs = serverLogs(qualifier);
        while (logs.stream().noneMatch(log -> read(log).contains(mark))) {
            if (System.nanoTime() > deadline) {
                fail("the log mark never reached " + logs);
            }
            Thread.sleep(200);
            logs = serverLogs(qualifier);
        }

        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = read(log);
            for (String id : ids) {
                int at = text.indexOf(id);
                if (at >= 0) {
                    int lineStart = text.lastIndexOf('\n', at) + 1;
                    int lineEnd = text.indexOf('\n', at);
                    leaks.add(log + ": " + text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
                }
            }
        }
        assertEquals(List.of(), leaks, () -> "raw session ids in the server log (" + ids.size() + " ids checked)");
    }

    private static List<Path> serverLogs(String qualifier) {
        Path dir = Path.of(System.getProperty("dysession.it.dir", "target/it"));
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith(qualifier + ".log")).forEach(logs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path root = dir.resolve(qualifier).resolve("root");
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root, 4)) {
                files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains(".log"))
                        .forEach(logs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertFalse(logs.isEmpty(), () -> "no log file of container " + qualifier + " in " + dir);
        return logs;
    }

    private static String read(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
