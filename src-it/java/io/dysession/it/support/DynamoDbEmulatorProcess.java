package io.dysession.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A DynamoDB emulator of its own ({@code tools/dynamodb-emulator.sh}: moto, requests serialized)
 * on a free loopback port, for programs that run outside the build's, such as the benchmark.
 */
public final class DynamoDbEmulatorProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private DynamoDbEmulatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it, its log in {@code dir}, and waits until it listens. */
    public static DynamoDbEmulatorProcess start(Path dir) throws IOException, InterruptedException {
        Path basedir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path portFile = dir.resolve("dynamodb-emulator.port");
        Files.deleteIfExists(portFile);
        Process process = new ProcessBuilder("bash", basedir.resolve("tools/dynamodb-emulator.sh").toString(),
                "--port", "0", "--port-file", portFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dynamodb-emulator.log").toFile())
                .start();
        for (int i = 0; i < 600 && !Files.isRegularFile(portFile); i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the DynamoDB emulator exited with " + process.exitValue() + "; see "
                        + dir.resolve("dynamodb-emulator.log"));
            }
            Thread.sleep(100);
        }
        if (!Files.isRegularFile(portFile)) {
            process.destroyForcibly();
            throw new IllegalStateException("the DynamoDB emulator did not start within 60 s; see "
                    + dir.resolve("dynamodb-emulator.log"));
        }
        return new DynamoDbEmulatorProcess(process, Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).trim()));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
