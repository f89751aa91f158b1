package io.dysession.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import io.dysession.it.support.DynamoDbEmulatorProcess;
import io.dysession.it.support.PayaraMicroProcess;
import io.dysession.it.support.TestWar;
import io.dysession.test.FaultProxy;

/**
 * The benchmark ({@code mvn -Pbench verify}, see docs/performance.md): one Payara Micro with the
 * integration tests' small app, the DynamoDB emulator behind a {@link FaultProxy} that counts calls
 * and connections (and adds latency on request), driven by concurrent HTTP clients, each with its
 * own session. Every kind is warmed up until its CPU per request settles; every figure has the idle
 * JVM's CPU subtracted; and each session request is set against its floor, measured in the same run
 * on the same JVM: the same DynamoDB calls made directly on a client configured like dysession's
 * ({@code FloorServlet}). Prints a table; absolute figures are for the machine it ran on, the ratios
 * to the floor are what compares between machines.
 *
 * <p>System properties: {@code bench.requests} (per kind at full concurrency, default 2000),
 * {@code bench.concurrency} (default 16), {@code bench.latency-ms} (added before each DynamoDB call,
 * default 0), {@code bench.warmup} (requests per kind discarded before the settling windows, default
 * 2000), {@code bench.parts} (default {@code main,node,encryption,same-bean}; {@code node} needs the main part), {@code bench.profile}
 * ({@code true}: a Java Flight Recorder profile of the read-only and the modifying kinds, in the
 * bench directory).
 */
public final class Benchmark {

    private static final Load.Kind READ = new Load.Kind("read-only (GET /read)", "read");
    private static final Load.Kind COUNT = new Load.Kind("modifying (GET /count)", "count");
    private static final Load.Kind PLAIN = new Load.Kind("no session bean (GET /plain)", "plain");
    private static final Load.Kind FLOOR_READ = new Load.Kind("floor: GetItem only (GET /floor/read)",
            "floor/read?k={k}");
    private static final Load.Kind FLOOR_WRITE = new Load.Kind("floor: GetItem + UpdateItem (GET /floor/write)",
            "floor/write?k={k}");
    private static final List<Load.Kind> KINDS = List.of(READ, COUNT, PLAIN, FLOOR_READ, FLOOR_WRITE);
    /** Each session kind's floor: the same DynamoDB calls without dysession. */
    private static final Map<Load.Kind, Load.Kind> FLOORS = Map.of(READ, FLOOR_READ, COUNT, FLOOR_WRITE);
    private static final double SETTLED = 0.10;
    private static final int WARM_UP_WINDOW = 1000;
    private static final int MAX_WARM_UP_WINDOWS = 30;

    /** A test-only AES-256 key for the "encryption on" server: 32 bytes of 7, base64. */
    private static final String BENCH_KEY = "bench:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
    private static final int ENCRYPTION_ROUNDS = 5;

    private final Load load;
    private final Target server;
    private final Path dir;
    /** This run's results of the main table, by kind and clients, for the Node peer's comparison. */
    private final Map<String, Load.Result> measured = new LinkedHashMap<>();

    private Benchmark(Load load, Target server, Path dir) {
        this.load = load;
        this.server = server;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 2000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        long latencyMillis = Long.getLong("bench.latency-ms", 0);
        List<String> parts = List.of(System.getProperty("bench.parts", "main,node,encryption,same-bean").split(","));
        Path dir = Path.of(System.getProperty("dysession.it.dir", "target/bench")).toAbsolutePath();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.md"), "");

        try (DynamoDbEmulatorProcess emulator = DynamoDbEmulatorProcess.start(dir);
             FaultProxy proxy = FaultProxy.start(emulator.endpoint())) {
            proxy.latency(Duration.ofMillis(latencyMillis));
            Path war = dir.resolve("bench.war");
            // the library's default limits, not the generous ones of the integration tests
            TestWar.create("bench", proxy.endpoint(), "dysession-bench", true, List.of(
                            "dysession.dynamodb.call-timeout=PT2.5S", "dysession.dynamodb.attempt-timeout=PT1S"))
                    .as(ZipExporter.class).exportTo(war.toFile(), true);
            Load load = new Load(proxy);
            if (parts.contains("main")) {
                Benchmark benchmark;
                try (Server server = new Server("bench", war, dir, List.of())) {
                    benchmark = new Benchmark(load, Target.of(server.process), dir);
                    benchmark.run(requests, concurrency, latencyMillis);
                    if (Boolean.getBoolean("bench.profile")) {
                        benchmark.profile(requests * 2, concurrency);
                    }
                }
                if (parts.contains("node")) {
                    benchmark.nodePeer(proxy.endpoint(), requests, concurrency);
                }
            }
            if (parts.contains("encryption")) {
                try (Server plain = new Server("bench", war, dir, List.of());
                     Server sealed = new Server("bench-sealed", war, dir,
                             // the same WAR and table; a system property outranks the WAR's configuration
                             List.of("-Ddysession.encryption.keys=" + BENCH_KEY))) {
                    new Benchmark(load, Target.of(plain.process), dir).encryption(Target.of(sealed.process), requests,
                            concurrency);
                }
            }
            if (parts.contains("same-bean")) {
                sameBean(proxy.endpoint(), dir, concurrency);
            }
        }
    }

    /** A Payara Micro serving the bench WAR, stopped on close. */
    private static final class Server implements AutoCloseable {

        final PayaraMicroProcess process;

        Server(String name, Path war, Path dir, List<String> options) throws IOException, InterruptedException {
            List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
            jvmOptions.addAll(options);
            process = PayaraMicroProcess.start(name, PayaraMicroProcess.freePort(), war, "bench", dir, jvmOptions);
            process.awaitUp("plain", Duration.ofSeconds(180));
        }

        @Override
        public void close() {
            process.stop();
        }
    }

    /** The "same bean" rows: one counter bean of one session, incremented by every client, per mode. */
    private static void sameBean(String endpoint, Path dir, int clients) throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("bench.same-bean-seconds", 15));
        List<String> lines = new ArrayList<>(List.of("", SameBean.HEADER));
        for (String mode : List.of("merge", "strict", "serialized")) {
            SameBean.Row row = SameBean.run(mode, endpoint, dir, clients, duration);
            lines.add(row.line());
            System.out.println(row.line());
        }
        publish(dir, lines);
    }

    private void run(int requests, int concurrency, long latencyMillis) throws Exception {
        List<String> warmUps = warmUp(server, KINDS, concurrency);
        List<String> lines = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "%s, Payara Micro %s, JDK %s, %d cores, DynamoDB emulator (moto) %s",
                        LocalDate.now(), System.getProperty("payara.version", "?"), System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors(),
                        latencyMillis == 0 ? "on loopback" : "+ " + latencyMillis + " ms per call"),
                "",
                "| request | clients | requests | req/s | p50 ms | p99 ms | app CPU ms/req | idle CPU ms/req | JIT % "
                        + "| floor CPU ms/req | above floor ms/req | × floor | DynamoDB calls/req "
                        + "| new DynamoDB connections/1000 req | errors |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"));
        for (int clients : List.of(concurrency, 1)) {
            int total = clients == 1 ? Math.max(500, requests / 2) : requests;
            Map<Load.Kind, Load.Result> results = new LinkedHashMap<>();
            for (Load.Kind kind : KINDS) {
                Load.Result result = load.measure(server, kind, clients, total);
                results.put(kind, result);
                measured.put(kind.name() + "@" + clients, result);
                System.out.println(kind.name() + " at " + clients + ": " + result.cpuPerRequest() + " ms/req");
            }
            results.values().forEach(result -> lines.add(row(result, results.get(FLOORS.get(result.kind())))));
        }
        lines.add("");
        lines.add("Warm-up (" + concurrency + " clients; a kind is measured once the CPU per request of its last two "
                + "windows agrees within 10 % and the JIT compiler took under 5 % of the last):");
        lines.addAll(warmUps);
        publish(dir, lines);
        System.out.println("(also in " + dir.resolve("results.md") + ")");
    }

    /**
     * Warms {@code kinds} up: first {@code bench.warmup} requests of each (they share the SDK, the
     * server and the library, so all are run before any is judged), then windows of each kind until
     * the CPU per request of its last two agrees within 10 %. Returns a line per kind.
     */
    private List<String> warmUp(Target target, List<Load.Kind> kinds, int concurrency) throws Exception {
        int fixed = Integer.getInteger("bench.warmup", 2000);
        for (Load.Kind kind : kinds) {
            load.discard(target, kind, concurrency, fixed);
        }
        List<String> lines = new ArrayList<>();
        for (Load.Kind kind : kinds) {
            Load.WarmUp warmUp = load.settle(target, kind, concurrency, WARM_UP_WINDOW, SETTLED, MAX_WARM_UP_WINDOWS);
            String line = String.format(Locale.ROOT, "%s: %d + %d requests discarded, last two windows of %d: %.3f "
                            + "and %.3f ms/req (idle not subtracted), JIT %.1f %% of the last%s", kind.name(), fixed,
                    warmUp.requests(), WARM_UP_WINDOW, warmUp.previousWindow(), warmUp.lastWindow(),
                    warmUp.lastJitShare() * 100, warmUp.settled() ? "" : " (DID NOT SETTLE)");
            System.out.println("Warm-up " + line);
            lines.add("- " + line);
        }
        return lines;
    }

    /**
     * The Node/express peer ({@code node-peer/}) driven exactly as dysession's server was, right after
     * it: the same kinds, clients, warm-up, idle subtraction, proxy and emulator. Each row is set
     * against dysession's figure for the same kind and clients from this run.
     */
    private void nodePeer(String dynamoDbEndpoint, int requests, int concurrency) throws Exception {
        List<Load.Kind> kinds = List.of(READ, COUNT, PLAIN);
        try (NodePeer peer = NodePeer.start(dynamoDbEndpoint, dir.resolve("node-peer.log"))) {
            Target node = peer.target();
            List<String> warmUps = new ArrayList<>();
            for (Load.Kind kind : kinds) {
                load.discard(node, kind, concurrency, Integer.getInteger("bench.warmup", 2000));
            }
            for (Load.Kind kind : kinds) {
                Load.WarmUp warmUp = load.settle(node, kind, concurrency, WARM_UP_WINDOW, SETTLED, MAX_WARM_UP_WINDOWS);
                warmUps.add(String.format(Locale.ROOT, "- %s: last two windows %.3f and %.3f ms/req%s", kind.name(),
                        warmUp.previousWindow(), warmUp.lastWindow(), warmUp.settled() ? "" : " (DID NOT SETTLE)"));
            }
            List<String> lines = new ArrayList<>(List.of(
                    "The Node/express peer (node-peer/: express-session + connect-dynamodb, AWS SDK for JavaScript v3), "
                            + "Node " + NodePeer.nodeVersion() + ", same proxy and emulator, right after dysession's rows:",
                    "",
                    "| request | clients | requests | req/s | p50 ms | p99 ms | Node CPU ms/req | idle CPU ms/req "
                            + "| dysession CPU ms/req (this run) | dysession ÷ Node | DynamoDB calls/req | errors |",
                    "|---|---|---|---|---|---|---|---|---|---|---|---|"));
            for (int clients : List.of(concurrency, 1)) {
                int total = clients == 1 ? Math.max(500, requests / 2) : requests;
                for (Load.Kind kind : kinds) {
                    Load.Result result = load.measure(node, kind, clients, total);
                    Load.Result ours = measured.get(kind.name() + "@" + clients);
                    lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.3f | %.3f | %.3f "
                                    + "| %.2f | %.2f | %d |", kind.name(), clients, total,
                            total / result.seconds(), result.percentile(50), result.percentile(99),
                            result.cpuPerRequest(), result.idleCpuMillis() / total, ours.cpuPerRequest(),
                            ours.cpuPerRequest() / result.cpuPerRequest(), (double) result.dynamoDbCalls() / total,
                            result.errors()));
                }
            }
            lines.add("");
            lines.add("Node warm-up (" + concurrency + " clients):");
            lines.addAll(warmUps);
            publish(dir, lines);
        }
    }

    private static String row(Load.Result result, Load.Result floor) {
        String floorCells = floor == null ? " |  |  |" : String.format(Locale.ROOT, " %.3f | %.3f | %.2f |",
                floor.cpuPerRequest(), result.cpuPerRequest() - floor.cpuPerRequest(),
                result.cpuPerRequest() / floor.cpuPerRequest());
        return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.3f | %.3f | %.1f |%s %.2f | %.1f "
                        + "| %d |", result.kind().name(), result.clients(), result.requests(),
                result.requests() / result.seconds(), result.percentile(50), result.percentile(99),
                result.cpuPerRequest(), result.idleCpuMillis() / result.requests(), result.jitShare() * 100, floorCells,
                (double) result.dynamoDbCalls() / result.requests(), result.connections() * 1000.0 / result.requests(),
                result.errors());
    }

    /**
     * Java Flight Recorder profiles ({@code profile} settings) of {@code requests} read-only and then
     * modifying requests on the warmed-up server: {@code read.jfr} and {@code count.jfr}.
     */
    private void profile(int requests, int concurrency) throws Exception {
        for (Load.Kind kind : List.of(READ, COUNT, FLOOR_READ, FLOOR_WRITE)) {
            String name = kind.path().replaceAll("[^a-z]+", "-").replaceAll("-+$", "").replace("-k", "");
            Path file = dir.resolve(name + ".jfr");
            jcmd("JFR.start", "name=bench", "settings=" + samplingEveryMillisecond());
            load.measure(server, kind, concurrency, requests);
            jcmd("JFR.stop", "name=bench", "filename=" + file);
            System.out.println("Profile of " + kind.name() + ": " + file);
        }
    }

    /** The JDK's {@code profile} settings, with a Java stack sampled every millisecond instead of every 10. */
    private Path samplingEveryMillisecond() throws IOException {
        String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
        Path settings = dir.resolve("profile-1ms.jfc");
        Files.writeString(settings, profile.replaceFirst(
                "(<event name=\"jdk.ExecutionSample\">\\s*<setting name=\"enabled\"[^<]*</setting>\\s*"
                        + "<setting name=\"period\"[^>]*>)[^<]*", "$11 ms"));
        return settings;
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.process().pid())));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    private static void publish(Path dir, List<String> lines) throws IOException {
        String table = String.join("\n", lines) + "\n\n";
        Files.writeString(dir.resolve("results.md"), table, java.nio.file.StandardOpenOption.APPEND);
        System.out.println();
        System.out.println(table);
    }

    /**
     * The "encryption on" rows: the read-only and the modifying request on two servers of one WAR,
     * one with {@code dysession.encryption.keys} set, both warmed up alike, measured in alternation
     * ({@value #ENCRYPTION_ROUNDS} rounds), and the change of the median CPU per request.
     */
    private void encryption(Target sealedServer, int requests, int concurrency) throws Exception {
        System.out.println("Encryption: warming up...");
        warmUp(server, List.of(READ, COUNT), concurrency);
        warmUp(sealedServer, List.of(READ, COUNT), concurrency);
        int perRound = requests / 2;
        List<String> lines = new ArrayList<>(List.of(
                "| request | encryption | clients | requests per round | median app CPU ms/req | rounds (ms/req) "
                        + "| DynamoDB calls/req | change |",
                "|---|---|---|---|---|---|---|---|"));
        for (Load.Kind kind : List.of(READ, COUNT)) {
            double[] off = new double[ENCRYPTION_ROUNDS];
            double[] on = new double[ENCRYPTION_ROUNDS];
            int[] calls = new int[2];
            for (int round = 0; round < ENCRYPTION_ROUNDS; round++) {
                // alternating which goes first, so that neither always follows the other's load
                boolean offFirst = round % 2 == 0;
                Load.Result first = load.measure(offFirst ? server : sealedServer, kind, concurrency, perRound);
                Load.Result second = load.measure(offFirst ? sealedServer : server, kind, concurrency, perRound);
                Load.Result offResult = offFirst ? first : second;
                Load.Result onResult = offFirst ? second : first;
                off[round] = offResult.cpuPerRequest();
                on[round] = onResult.cpuPerRequest();
                calls[0] += offResult.dynamoDbCalls();
                calls[1] += onResult.dynamoDbCalls();
            }
            double offMedian = median(off);
            double onMedian = median(on);
            double total = (double) perRound * ENCRYPTION_ROUNDS;
            lines.add(encryptionRow(kind, "off", concurrency, perRound, offMedian, off, calls[0] / total, ""));
            // Shown with the spread of the rounds without encryption: a change inside it is noise.
            double spread = (Arrays.stream(off).max().orElse(0) - Arrays.stream(off).min().orElse(0)) / 2 / offMedian;
            lines.add(encryptionRow(kind, "on", concurrency, perRound, onMedian, on, calls[1] / total,
                    String.format(Locale.ROOT, "%+.1f %% (rounds off: ±%.0f %%)", (onMedian - offMedian) / offMedian
                            * 100, spread * 100)));
        }
        lines.addAll(List.of("", "| one value of | seal CPU µs | open CPU µs |", "|---|---|---|"));
        for (int bytes : List.of(64, 1024, 16 * 1024)) {
            lines.add(sealingRow(bytes));
        }
        publish(dir, lines);
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

    private static String encryptionRow(Load.Kind kind, String encryption, int clients, int requests,
                                        double median, double[] rounds, double callsPerRequest, String change) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.3f | %s | %.2f | %s |", kind.name(),
                encryption, clients, requests, median, String.join(", ", Arrays.stream(rounds)
                        .mapToObj(value -> String.format(Locale.ROOT, "%.3f", value)).toList()), callsPerRequest,
                change);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
