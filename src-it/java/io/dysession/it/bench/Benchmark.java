package io.dysession.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import io.dysession.it.support.DynamoDbEmulatorProcess;
import io.dysession.it.support.PayaraMicroProcess;
import io.dysession.it.support.TestWar;
import io.dysession.test.FaultProxy;

/**
 * The benchmark ({@code mvn -Pbench verify}, see docs/performance.md): one Payara Micro with the
 * integration tests' small app, the DynamoDB emulator behind a {@link FaultProxy} that counts calls
 * and connections (and adds latency on request), driven by concurrent HTTP clients, each with its
 * own session. Prints a table; its figures are for the machine it ran on, not promises.
 *
 * <p>System properties: {@code bench.requests} (per scenario at full concurrency, default 2000),
 * {@code bench.concurrency} (default 16), {@code bench.latency-ms} (added before each DynamoDB call,
 * default 0).
 */
public final class Benchmark {

    private record Scenario(String name, String path) {
    }

    private record Result(Scenario scenario, int concurrency, int requests, int errors, double seconds,
                          long[] latenciesNanos, double cpuMillis, int dynamoDbCalls, int connections) {

        String row() {
            Arrays.sort(latenciesNanos);
            return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.2f | %.2f | %.1f | %d |",
                    scenario.name(), concurrency, requests, requests / seconds, percentile(50), percentile(99),
                    cpuMillis / requests, (double) dynamoDbCalls / requests, connections * 1000.0 / requests, errors);
        }

        private double percentile(int p) {
            int index = Math.min(latenciesNanos.length - 1, (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("read-only (GET /read)", "read"),
            new Scenario("modifying (GET /count)", "count"),
            new Scenario("no session bean (GET /plain)", "plain"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** A test-only AES-256 key for the "encryption on" server: 32 bytes of 7, base64. */
    private static final String BENCH_KEY = "bench:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
    private static final int ENCRYPTION_ROUNDS = 5;

    private final FaultProxy proxy;
    private final PayaraMicroProcess server;
    private final PayaraMicroProcess sealedServer;

    private Benchmark(FaultProxy proxy, PayaraMicroProcess server, PayaraMicroProcess sealedServer) {
        this.proxy = proxy;
        this.server = server;
        this.sealedServer = sealedServer;
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 2000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        long latencyMillis = Long.getLong("bench.latency-ms", 0);
        Path dir = Path.of(System.getProperty("dysession.it.dir", "target/bench")).toAbsolutePath();
        Files.createDirectories(dir);

        try (DynamoDbEmulatorProcess emulator = DynamoDbEmulatorProcess.start(dir);
             FaultProxy proxy = FaultProxy.start(emulator.endpoint())) {
            proxy.latency(Duration.ofMillis(latencyMillis));
            Path war = dir.resolve("bench.war");
            // the library's default limits, not the generous ones of the integration tests
            TestWar.create("bench", proxy.endpoint(), "dysession-bench", true, List.of(
                            "dysession.dynamodb.call-timeout=PT2.5S", "dysession.dynamodb.attempt-timeout=PT1S"))
                    .as(ZipExporter.class).exportTo(war.toFile(), true);
            PayaraMicroProcess server = PayaraMicroProcess.start("bench", PayaraMicroProcess.freePort(), war, "bench",
                    dir, List.of("-Xmx512m"));
            PayaraMicroProcess sealedServer = null;
            try {
                server.awaitUp("plain", Duration.ofSeconds(180));
                // the same WAR and table; a system property outranks the WAR's configuration
                sealedServer = PayaraMicroProcess.start("bench-sealed", PayaraMicroProcess.freePort(), war, "bench",
                        dir, List.of("-Xmx512m", "-Ddysession.encryption.keys=" + BENCH_KEY));
                sealedServer.awaitUp("plain", Duration.ofSeconds(180));
                Benchmark benchmark = new Benchmark(proxy, server, sealedServer);
                benchmark.run(requests, concurrency, latencyMillis, dir);
                benchmark.encryption(requests, concurrency, dir);
            } finally {
                server.stop();
                if (sealedServer != null) {
                    sealedServer.stop();
                }
            }
            sameBean(proxy.endpoint(), dir, concurrency);
        }
    }

    /** The "same bean" rows: one counter bean of one session, incremented by every client, per mode. */
    private static void sameBean(String endpoint, Path dir, int clients) throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("bench.same-bean-seconds", 15));
        List<String> lines = new ArrayList<>(List.of(SameBean.HEADER));
        for (String mode : List.of("merge", "strict", "serialized")) {
            SameBean.Row row = SameBean.run(mode, endpoint, dir, clients, duration);
            lines.add(row.line());
            System.out.println(row.line());
        }
        String table = String.join("\n", lines) + "\n";
        Files.writeString(dir.resolve("results.md"), "\n" + table, java.nio.file.StandardOpenOption.APPEND);
        System.out.println();
        System.out.println(table);
    }

    private void run(int requests, int concurrency, long latencyMillis, Path dir) throws Exception {
        System.out.println("Warming up...");
        for (Scenario scenario : SCENARIOS) {
            measure(scenario, concurrency, Math.max(500, requests / 4));
        }
        List<String> lines = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "%s, Payara Micro %s, JDK %s, %d cores, DynamoDB emulator (moto) %s",
                        LocalDate.now(), System.getProperty("payara.version", "?"), System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors(),
                        latencyMillis == 0 ? "on loopback" : "+ " + latencyMillis + " ms per call"),
                "",
                "| request | clients | requests | req/s | p50 ms | p99 ms | app CPU ms/req | DynamoDB calls/req "
                        + "| new DynamoDB connections/1000 req | errors |",
                "|---|---|---|---|---|---|---|---|---|---|"));
        for (int clients : List.of(concurrency, 1)) {
            for (Scenario scenario : SCENARIOS) {
                Result result = measure(scenario, clients, clients == 1 ? Math.max(200, requests / 8) : requests);
                lines.add(result.row());
                System.out.println(result.row());
            }
        }
        String table = String.join("\n", lines) + "\n";
        Files.writeString(dir.resolve("results.md"), table);
        System.out.println();
        System.out.println(table);
        System.out.println("(also in " + dir.resolve("results.md") + ")");
    }

    /**
     * The "encryption on" rows: the read-only and the modifying request on two servers of one WAR,
     * one with {@code dysession.encryption.keys} set, measured in alternation ({@value #ENCRYPTION_ROUNDS}
     * rounds, the encrypting server first warmed up with as many requests as the other has served by
     * then, so that both JITs are as far), and the change of the median CPU per request.
     */
    private void encryption(int requests, int concurrency, Path dir) throws Exception {
        System.out.println("Encryption: warming up...");
        for (int round = 0; round < 2; round++) {
            for (Scenario scenario : SCENARIOS) {
                measure(sealedServer, scenario, concurrency, requests);
            }
        }
        List<String> lines = new ArrayList<>(List.of("",
                "| request | encryption | clients | requests per round | median app CPU ms/req | rounds (ms/req) "
                        + "| DynamoDB calls/req | change |",
                "|---|---|---|---|---|---|---|---|"));
        for (Scenario scenario : SCENARIOS.subList(0, 2)) {
            double[] off = new double[ENCRYPTION_ROUNDS];
            double[] on = new double[ENCRYPTION_ROUNDS];
            int[] calls = new int[2];
            for (int round = 0; round < ENCRYPTION_ROUNDS; round++) {
                // alternating which goes first, so that neither always follows the other's load
                boolean offFirst = round % 2 == 0;
                Result first = measure(offFirst ? server : sealedServer, scenario, concurrency, requests);
                Result second = measure(offFirst ? sealedServer : server, scenario, concurrency, requests);
                Result offResult = offFirst ? first : second;
                Result onResult = offFirst ? second : first;
                off[round] = cpuPerRequest(offResult);
                on[round] = cpuPerRequest(onResult);
                calls[0] += offResult.dynamoDbCalls();
                calls[1] += onResult.dynamoDbCalls();
            }
            double offMedian = median(off);
            double onMedian = median(on);
            double perRound = (double) requests * ENCRYPTION_ROUNDS;
            lines.add(encryptionRow(scenario, "off", concurrency, requests, offMedian, off, calls[0] / perRound, ""));
            // Shown with the spread of the rounds without encryption: a change inside it is noise.
            double spread = (Arrays.stream(off).max().orElse(0) - Arrays.stream(off).min().orElse(0)) / 2 / offMedian;
            lines.add(encryptionRow(scenario, "on", concurrency, requests, onMedian, on, calls[1] / perRound,
                    String.format(Locale.ROOT, "%+.1f %% (rounds off: ±%.0f %%)", (onMedian - offMedian) / offMedian
                            * 100, spread * 100)));
        }
        lines.addAll(List.of("", "| one value of | seal CPU µs | open CPU µs |", "|---|---|---|"));
        for (int bytes : List.of(64, 1024, 16 * 1024)) {
            lines.add(sealingRow(bytes));
        }
        String table = String.join("\n", lines) + "\n";
        Files.writeString(dir.resolve("results.md"), table, java.nio.file.StandardOpenOption.APPEND);
        System.out.println(table);
    }

    /**
     * The CPU of sealing and of opening one value of {@code bytes} in this JVM, per value, after a
     * warm-up: the whole of what encryption adds to a request per bean it reads or writes, which the
     * server rows above cannot resolve from their noise.
     */
    private static String sealingRow(int bytes) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        byte[] key = java.util.Base64.getDecoder().decode(BENCH_KEY.substring(BENCH_KEY.indexOf(':') + 1));
        io.dysession.internal.crypto.SealedValues values = new io.dysession.internal.crypto.SealedValues(
                new io.dysession.internal.crypto.StaticKeyRing(List.of(new io.dysession.internal.crypto.DataKey("bench",
                        new javax.crypto.spec.SecretKeySpec(key, "AES"))), "bench"));
        io.dysession.internal.crypto.ValuePlace place = io.dysession.internal.crypto.ValuePlace.bean("sessions",
                "p8Xq1yN0cG2vX8kXQ3m2l3d8m8mKp0Vb3p0cR1dQ2aA", "com.example.Cart");
        byte[] plain = "x".repeat(bytes).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int iterations = Math.max(2_000, 20_000_000 / bytes);
        byte[] sealed = values.seal(plain, place);
        for (int i = 0; i < iterations; i++) {
            values.open(values.seal(plain, place), place);
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            sealed = values.seal(plain, place);
        }
        long sealNanos = threads.getCurrentThreadCpuTime() - start;
        start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            values.open(sealed, place);
        }
        long openNanos = threads.getCurrentThreadCpuTime() - start;
        return String.format(Locale.ROOT, "| %d bytes | %.2f | %.2f |", bytes, sealNanos / 1e3 / iterations,
                openNanos / 1e3 / iterations);
    }

    private static String encryptionRow(Scenario scenario, String encryption, int clients, int requests,
                                        double median, double[] rounds, double callsPerRequest, String change) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.3f | %s | %.2f | %s |", scenario.name(),
                encryption, clients, requests, median, String.join(", ", Arrays.stream(rounds)
                        .mapToObj(value -> String.format(Locale.ROOT, "%.3f", value)).toList()), callsPerRequest,
                change);
    }

    private static double cpuPerRequest(Result result) {
        return result.cpuMillis() / result.requests();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private Result measure(Scenario scenario, int clients, int total) throws Exception {
        return measure(server, scenario, clients, total);
    }

    /** {@code total} requests of {@code scenario} from {@code clients} clients, each with its own session. */
    private Result measure(PayaraMicroProcess server, Scenario scenario, int clients, int total) throws Exception {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            cookies.add(startSession(server));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[total];
        ProcessHandle payara = server.process().toHandle();
        Duration cpuBefore = payara.info().totalCpuDuration().orElse(Duration.ZERO);
        int callsBefore = proxy.calls();
        int connectionsBefore = proxy.connectionsAccepted();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String cookie : cookies) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        if (!get(server, scenario.path(), cookie)) {
                            errors.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = payara.info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore).toNanos() / 1e6;
        return new Result(scenario, clients, total, errors.get(), seconds, latencies, cpuMillis,
                proxy.calls() - callsBefore, proxy.connectionsAccepted() - connectionsBefore);
    }

    private String startSession(PayaraMicroProcess server) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.app().resolve("count")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = response.headers().firstValue("Set-Cookie")
                .orElseThrow(() -> new IllegalStateException("no session cookie from " + server.app() + "count"));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private boolean get(PayaraMicroProcess server, String path, String cookie) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(server.app() + path))
                            .timeout(Duration.ofSeconds(30)).header("Cookie", cookie).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
