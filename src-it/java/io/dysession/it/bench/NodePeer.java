package io.dysession.it.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node/express peer ({@code node-peer/}): express-session with connect-dynamodb on the AWS SDK
 * for JavaScript v3, serving the same {@code /read}, {@code /count} and {@code /plain} on
 * 127.0.0.1, its sessions in a table of its own behind the same counting proxy. Installs its
 * packages with {@code npm ci} when they are missing. Stopped on close.
 */
final class NodePeer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final Target target;

    private NodePeer(Process process, URI app) {
        this.process = process;
        this.target = new Target(app, process);
    }

    static NodePeer start(String dynamoDbEndpoint, Path log) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("node-peer");
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            run(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        }
        ProcessBuilder builder = new ProcessBuilder("node", "server.js").directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("PORT", "0", "DYNAMODB_ENDPOINT", dynamoDbEndpoint,
                "TABLE", "node-peer-sessions", "AWS_ACCESS_KEY_ID", "dummy", "AWS_SECRET_ACCESS_KEY", "dummy",
                "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true", "NODE_NO_WARNINGS", "1"));
        Process process = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                return null;
            }
        }).completeOnTimeout(null, 60, TimeUnit.SECONDS).join();
        Matcher listening = line == null ? null : LISTENING.matcher(line);
        if (listening == null || !listening.find()) {
            process.destroyForcibly();
            throw new IllegalStateException("the Node peer did not start: " + line);
        }
        // the rest of its output (nothing per request) goes to a file
        Thread copier = new Thread(() -> {
            try (java.io.Writer file = Files.newBufferedWriter(log)) {
                output.transferTo(file);
            } catch (IOException e) {
                // the log is a convenience
            }
        }, "node-peer-log");
        copier.setDaemon(true);
        copier.start();
        return new NodePeer(process, URI.create(listening.group(1) + "/"));
    }

    Target target() {
        return target;
    }

    /** The version of Node, for the table's heading. */
    static String nodeVersion() throws IOException, InterruptedException {
        Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        version.waitFor();
        return text;
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
