package io.dysession.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import io.dysession.it.support.PayaraMicroProcess;
import io.dysession.it.support.TestWar;

/**
 * The "same bean, 16 concurrent" row: clients that all increment one counter bean of one session
 * ({@code POST /count}) for a while, per {@code dysession.concurrency} mode, on a Payara Micro of
 * its own; then how many increments were acknowledged, how many are stored, how many were lost,
 * and how many overwrites the library counted ({@code dysession_overwrites}).
 */
final class SameBean {

    private static final Pattern OVERWRITES = Pattern.compile("(?m)^dysession_overwrites(?:\\{[^}]*\\})?\\s+(\\S+)");

    /** One mode's figures. */
    record Row(String mode, int clients, double seconds, int acknowledged, int conflicts, int unavailable,
               int otherErrors, long stored, long overwrites) {

        long lost() {
            return acknowledged + 1L - stored; // the session was created with one increment
        }

        String line() {
            return String.format(Locale.ROOT, "| same bean (POST /count), `%s` | %d | %.0f | %d | %d | %d | %d | %d | %d "
                    + "| %d |", mode, clients, seconds, acknowledged, conflicts, unavailable, otherErrors, stored,
                    lost(), overwrites);
        }
    }

    static final String HEADER = "| request | clients | seconds | acknowledged | 409 | 503 | other errors | stored "
            + "| lost | overwrites counted |\n|---|---|---|---|---|---|---|---|---|---|";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SameBean() {
    }

    static Row run(String mode, String endpoint, Path dir, int clients, Duration duration) throws Exception {
        Path war = dir.resolve("same-" + mode + ".war");
        TestWar.create("same", endpoint, "dysession-bench-same-" + mode, true, List.of(
                        "dysession.concurrency=" + mode, "dysession.dynamodb.call-timeout=PT2.5S",
                        "dysession.dynamodb.attempt-timeout=PT1S"))
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        PayaraMicroProcess server = PayaraMicroProcess.start("same-" + mode, PayaraMicroProcess.freePort(), war,
                "same", dir, List.of("-Xmx512m"));
        try {
            server.awaitUp("plain", Duration.ofSeconds(180));
            return new SameBean().burst(mode, server.app(), clients, duration);
        } finally {
            server.stop();
        }
    }

    private Row burst(String mode, URI app, int clients, Duration duration) throws Exception {
        HttpResponse<String> first = post(app.resolve("count"), null);
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        long overwritesBefore = overwrites(app);
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int status = status(app.resolve("count"), cookie);
                        (status == 200 ? acknowledged : status == 409 ? conflicts : status == 503 ? unavailable
                                : other).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = Long.parseLong(http.send(HttpRequest.newBuilder(app.resolve("read")).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body().trim());
        return new Row(mode, clients, seconds, acknowledged.get(), conflicts.get(), unavailable.get(), other.get(),
                stored, overwrites(app) - overwritesBefore);
    }

    private int status(URI uri, String cookie) {
        try {
            return post(uri, cookie).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpResponse<String> post(URI uri, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // The server's own count, from MicroProfile Metrics (Payara Micro has it).
    private long overwrites(URI app) throws IOException, InterruptedException {
        URI metrics = URI.create(app.getScheme() + "://" + app.getAuthority() + "/metrics?scope=application");
        String body = http.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher matcher = OVERWRITES.matcher(body);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
    }
}
