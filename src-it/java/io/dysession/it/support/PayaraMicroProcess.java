package io.dysession.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro process started without Arquillian (for a test that kills it, or the benchmark),
 * with the same safe settings as arquillian.xml: no clustering, no phone-home, HTTP on 127.0.0.1
 * only, dummy AWS settings, its root directory and log under {@code itDir}.
 */
public final class PayaraMicroProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final URI app;
    private final Path log;
    private final Path output;

    private PayaraMicroProcess(String name, Process process, URI app, Path log, Path output) {
        this.name = name;
        this.process = process;
        this.app = app;
        this.log = log;
        this.output = output;
    }

    /**
     * Starts Payara Micro (the jar in system property {@code payara.microJar}) deploying {@code war}
     * at {@code /contextRoot} on {@code port}; {@code jvmOptions} come before {@code -jar}.
     */
    public static PayaraMicroProcess start(String name, int port, Path war, String contextRoot, Path itDir,
                                           List<String> jvmOptions) throws IOException {
        String microJar = System.getProperty(BuildEnvironment.PAYARA_MICRO_JAR_PROPERTY);
        Path basedir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        // Payara Micro deploys again whatever an earlier run left in its root directory: start empty.
        Path root = itDir.resolve(name).resolve("root");
        deleteRecursively(root);
        Files.createDirectories(root);
        Path log = itDir.resolve(name + ".log");
        Path output = itDir.resolve(name + ".out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dhazelcast.phone.home.enabled=false",
                "-Daws.region=us-east-1",
                "-Daws.accessKeyId=dummy",
                "-Daws.secretAccessKey=dummy",
                "-Daws.disableEc2Metadata=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar", microJar,
                "--nocluster",
                "--disablephonehome",
                "--prebootcommandfile", basedir.resolve("src-it/resources/payara-micro/preboot-commands.txt").toString(),
                "--rootdir", root.toString(),
                "--port", Integer.toString(port),
                "--logtofile", log.toString(),
                "--contextroot", contextRoot,
                "--deploy", war.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        return new PayaraMicroProcess(name, builder.start(), URI.create("http://127.0.0.1:" + port + "/" + contextRoot + "/"),
                log, output);
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    /** The application's base URI, ending in {@code /}. */
    public URI app() {
        return app;
    }

    /**
     * Waits, at most {@code bound}, until {@code GET probe} answers 200; fails with the end of the
     * logs when the process exits, the deployment fails or time runs out.
     */
    public void awaitUp(String probe, Duration bound) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + bound.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting" + tail());
            }
            if (deploymentFailed()) {
                throw new IllegalStateException(name + " could not deploy the app" + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.resolve(probe))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(name + " did not answer within " + bound.toSeconds() + " s (last: " + last + ")"
                + tail());
    }

    /** SIGTERM, then SIGKILL after a grace period. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the process's output and log, for failure messages. */
    public String tail() {
        StringBuilder shown = new StringBuilder();
        for (Path file : List.of(output, Path.of(log + ".0"), log)) {
            if (Files.isRegularFile(file)) {
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    shown.append("\n--- last lines of ").append(file).append(":\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                } catch (IOException | UncheckedIOException e) {
                    shown.append("\n(").append(file).append(" unreadable: ").append(e).append(')');
                }
            }
        }
        return shown.toString();
    }

    private boolean deploymentFailed() {
        try {
            return Files.isRegularFile(output)
                    && Files.readString(output, StandardCharsets.ISO_8859_1).contains("Exception while loading the app");
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
