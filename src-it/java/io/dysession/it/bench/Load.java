package io.dysession.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dysession.test.FaultProxy;

/**
 * Drives one server with concurrent clients, each with its own session (and its own floor item),
 * and measures what the server's JVM spent: its process CPU time over the run, less what the same
 * JVM spends idle over a window as long as the run, measured right after it.
 */
final class Load {

    /** A request kind: its path for client {@code k} ({@code {k}} is replaced). */
    record Kind(String name, String path) {

        String pathFor(int client) {
            return path.replace("{k}", Integer.toString(client));
        }
    }

    /** One measured run of one kind. */
    record Result(Kind kind, int clients, int requests, int errors, double seconds, long[] latenciesNanos,
                  double cpuMillis, double idleCpuMillis, double jitCpuMillis, int dynamoDbCalls, int connections) {

        /** App CPU per request, the idle JVM's share subtracted. */
        double cpuPerRequest() {
            return Math.max(0, cpuMillis - idleCpuMillis) / requests;
        }

        double rawCpuPerRequest() {
            return cpuMillis / requests;
        }

        /** The share of the run's CPU that the JIT compiler threads spent: near zero once warmed up. */
        double jitShare() {
            return cpuMillis == 0 ? 0 : jitCpuMillis / cpuMillis;
        }

        double percentile(int p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /** How a warm-up ended: requests discarded, and whether its last two windows agreed. */
    record WarmUp(int requests, boolean settled, double lastWindow, double previousWindow, double lastJitShare) {
    }

    /** The most of a window's CPU the JIT may take for the window to count as warmed up. */
    private static final double SETTLED_JIT_SHARE = 0.05;
    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ 100, as on every Linux this runs on

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final FaultProxy proxy;

    Load(FaultProxy proxy) {
        this.proxy = proxy;
    }

    /** {@code count} requests of {@code kind}, not measured. */
    void discard(Target server, Kind kind, int clients, int count) throws Exception {
        run(server, kind, clients, count, false);
    }

    /**
     * Windows of {@code window} requests of {@code kind} until the CPU per request of the last two
     * agrees within {@code tolerance} and the JIT compiler took under 5 % of the last (at most
     * {@code maxWindows}): two windows can agree while the JIT still compiles at a steady pace.
     */
    WarmUp settle(Target server, Kind kind, int clients, int window, double tolerance, int maxWindows)
            throws Exception {
        double previous = run(server, kind, clients, window, false).rawCpuPerRequest();
        Result last = null;
        for (int i = 2; i <= maxWindows; i++) {
            last = run(server, kind, clients, window, false);
            double cpu = last.rawCpuPerRequest();
            if (Math.abs(cpu - previous) <= tolerance * Math.max(cpu, previous)
                    && last.jitShare() < SETTLED_JIT_SHARE) {
                return new WarmUp(i * window, true, cpu, previous, last.jitShare());
            }
            previous = cpu;
        }
        return new WarmUp(maxWindows * window, false, previous, previous, last == null ? 0 : last.jitShare());
    }

    /** {@code total} requests of {@code kind} from {@code clients} clients, then an idle window as long. */
    Result measure(Target server, Kind kind, int clients, int total) throws Exception {
        return run(server, kind, clients, total, true);
    }

    private Result run(Target server, Kind kind, int clients, int total, boolean idle) throws Exception {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            cookies.add(startSession(server));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[total];
        ProcessHandle jvm = server.process().toHandle();
        int callsBefore = proxy.calls();
        int connectionsBefore = proxy.connectionsAccepted();
        Duration cpuBefore = cpu(jvm);
        long jitBefore = jitCpuNanos(jvm);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                String cookie = cookies.get(client);
                URI uri = URI.create(server.app() + kind.pathFor(client));
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        if (!get(uri, cookie)) {
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
        long elapsed = System.nanoTime() - start;
        double cpuMillis = millis(cpu(jvm).minus(cpuBefore));
        double jitMillis = (jitCpuNanos(jvm) - jitBefore) / 1e6;
        int calls = proxy.calls() - callsBefore;
        int connections = proxy.connectionsAccepted() - connectionsBefore;
        double idleMillis = idle ? idleCpuMillis(jvm, elapsed) : 0;
        return new Result(kind, clients, total, errors.get(), elapsed / 1e9, latencies, cpuMillis, idleMillis,
                jitMillis, calls, connections);
    }

    /** The JVM's CPU time over {@code nanos} of no requests at all (its timers, JIT, GC, the server's own). */
    private static double idleCpuMillis(ProcessHandle jvm, long nanos) throws InterruptedException {
        Duration before = cpu(jvm);
        TimeUnit.NANOSECONDS.sleep(nanos);
        return millis(cpu(jvm).minus(before));
    }

    /** CPU time of the JVM's JIT compiler threads ("C1 CompilerThre…", "C2 CompilerThre…"), from /proc. */
    private static long jitCpuNanos(ProcessHandle jvm) throws IOException {
        long ticks = 0;
        try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files.list(
                java.nio.file.Path.of("/proc", Long.toString(jvm.pid()), "task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    // after "(comm)": state is field 3; utime and stime are fields 14 and 15
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks * CLOCK_TICK_NANOS;
    }

    private static Duration cpu(ProcessHandle jvm) {
        return jvm.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
                "the OS does not report the server's CPU time"));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private String startSession(Target server) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.app().resolve("count")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = response.headers().firstValue("Set-Cookie")
                .orElseThrow(() -> new IllegalStateException("no session cookie from " + server.app() + "count"));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private boolean get(URI uri, String cookie) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
