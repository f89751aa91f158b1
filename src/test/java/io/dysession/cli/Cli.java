package io.dysession.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.dysession.internal.cli.DySessionCli;
import io.dysession.test.DynamoDbEmulator;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Runs the command-line tool in this JVM against the DynamoDB emulator, capturing what it prints. */
final class Cli {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private Cli() {
    }

    /** What one run did. */
    record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Settings that point at the DynamoDB emulator, given the way a container would: as environment variables. */
    static Map<String, String> localEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DYSESSION_DYNAMODB_ENDPOINT", DynamoDbEmulator.endpoint());
        environment.put("DYSESSION_DYNAMODB_REGION", "us-east-1");
        return environment;
    }

    /** {@code args} against the DynamoDB emulator, with nothing on standard input. */
    static Run run(String... args) {
        return run(localEnvironment(), "", args);
    }

    static Run run(Map<String, String> environment, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = DySessionCli.run(args, environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err));
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** A table name no other test uses. */
    static String uniqueTable(String purpose) {
        return "cli-" + purpose + "-" + TABLES.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    static boolean tableExists(String table) {
        try {
            DynamoDbEmulator.client().describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /** A loopback port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String[] args(String command, String table, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, "--table-name", table));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static Optional<String> ttlAttribute(String table) {
        return Optional.ofNullable(DynamoDbEmulator.client().describeTimeToLive(b -> b.tableName(table))
                .timeToLiveDescription().attributeName());
    }
}
