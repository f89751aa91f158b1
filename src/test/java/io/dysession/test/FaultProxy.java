package io.dysession.test;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP proxy between a DynamoDB client and the emulator that misbehaves on demand: it hangs,
 * refuses connections, answers DynamoDB error types for a fraction of calls or for some
 * operations, or adds latency. It counts the TCP connections clients open to it, so that tests
 * and the benchmark can see whether a client reuses its connections.
 *
 * <pre>
 * try (FaultProxy proxy = FaultProxy.start(DynamoDbEmulator.endpoint())) {
 *     proxy.fail(Fault.error(400, "ProvisionedThroughputExceededException"), 0.3, "PutItem", "UpdateItem");
 *     ... point dysession.dynamodb.endpoint at proxy.endpoint() ...
 *     proxy.hang();          // every call from now on waits until heal() or close()
 *     proxy.heal();
 * }
 * </pre>
 *
 * It also runs on its own: {@code java ... io.dysession.test.FaultProxy UPSTREAM PORT [LATENCY_MS]}.
 */
public final class FaultProxy implements AutoCloseable {

    /** What to do with a call that is chosen to fail. */
    public record Fault(Kind kind, int status, String errorType) {

        public enum Kind { HANG, ERROR, LOSE_ANSWER }

        /** The connection is kept open and no answer ever comes. */
        public static Fault hang() {
            return new Fault(Kind.HANG, 0, null);
        }

        /**
         * The call reaches DynamoDB and is applied, but its answer never reaches the client: the
         * connection is closed instead, as when an answer is lost or a timeout strikes after the
         * write. The SDK retries such a call.
         */
        public static Fault loseAnswer() {
            return new Fault(Kind.LOSE_ANSWER, 0, null);
        }

        /** A DynamoDB error answer, e.g. 400 {@code ProvisionedThroughputExceededException}, 500 {@code InternalServerError}. */
        public static Fault error(int status, String errorType) {
            return new Fault(Kind.ERROR, status, errorType);
        }
    }

    private record Rule(Fault fault, double fraction, Set<String> operations, AtomicInteger times) {

        boolean applies(String operation) {
            return (operations.isEmpty() || operations.contains(operation))
                    && ThreadLocalRandom.current().nextDouble() < fraction
                    && (times == null || times.getAndDecrement() > 0);
        }
    }

    private final URI upstream;
    private final int requestedPort;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Rule> rule = new AtomicReference<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();
    private final AtomicInteger hanging = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile ServerSocket server;
    private volatile int port;
    private final Object hangs = new Object();
    private volatile boolean closed;

    private FaultProxy(URI upstream, int port) {
        this.upstream = upstream;
        this.requestedPort = port;
    }

    /** A proxy on a free loopback port, forwarding to {@code upstream} (e.g. http://127.0.0.1:8000). */
    public static FaultProxy start(String upstream) {
        return start(upstream, 0);
    }

    public static FaultProxy start(String upstream, int port) {
        FaultProxy proxy = new FaultProxy(URI.create(upstream), port);
        proxy.listen();
        return proxy;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** From now on, each call of one of {@code operations} (all when none) fails with {@code fault} with probability {@code fraction}. */
    public FaultProxy fail(Fault fault, double fraction, String... operations) {
        rule.set(new Rule(fault, fraction, Set.of(operations), null));
        return this;
    }

    /** The next {@code times} calls of one of {@code operations} (all when none) fail with {@code fault}; then all pass. */
    public FaultProxy failNext(Fault fault, int times, String... operations) {
        rule.set(new Rule(fault, 1.0, Set.of(operations), new AtomicInteger(times)));
        return this;
    }

    /** Every call from now on hangs: no answer until {@link #heal()} or {@link #close()}. */
    public FaultProxy hang() {
        return fail(Fault.hang(), 1.0);
    }

    /** Connections are refused from now on (the port is closed) until {@link #heal()}. */
    public FaultProxy refuse() {
        rule.set(null);
        closeServer();
        dropConnections();
        return this;
    }

    /** Back to forwarding every call: hanging calls are dropped, refused connections accepted again. */
    public FaultProxy heal() {
        rule.set(null);
        synchronized (hangs) {
            hangs.notifyAll();
        }
        if (server == null || server.isClosed()) {
            listen();
        }
        return this;
    }

    /** Added before each forwarded call, e.g. to emulate a region's round trip. */
    public FaultProxy latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** TCP connections accepted since the start (or the last reset). */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** TCP connections open right now: accepted, and closed by neither side yet. */
    public int connectionsOpen() {
        return open.size();
    }

        /** Calls received since the start (or the last reset). */
    public int calls() {
        return calls.get();
    }

    /** Calls being held unanswered right now. */
    public int hanging() {
        return hanging.get();
    }

    /** Calls answered with a fault since the start (or the last reset). */
    public int faulted() {
        return faulted.get();
    }

    public void resetCounts() {
        accepted.set(0);
        calls.set(0);
        faulted.set(0);
    }

    @Override
    public void close() {
        closed = true;
        closeServer();
        synchronized (hangs) {
            hangs.notifyAll();
        }
        dropConnections();
        connections.shutdownNow();
    }

    private synchronized void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port == 0 ? requestedPort : port), 200);
            port = socket.getLocalPort();
            server = socket;
        } catch (IOException e) {
            throw new IllegalStateException("fault proxy cannot listen on 127.0.0.1:" + port, e);
        }
        ServerSocket listening = server;
        connections.execute(() -> accept(listening));
    }

    private synchronized void closeServer() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void dropConnections() {
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        open.clear();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                accepted.incrementAndGet();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One client connection: HTTP/1.1 requests one after another, kept alive. */
    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            while (!closed) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                calls.incrementAndGet();
                Rule current = rule.get();
                if (current != null && current.applies(request.operation())) {
                    faulted.incrementAndGet();
                    if (current.fault().kind() == Fault.Kind.HANG) {
                        awaitHeal(current);
                        return;
                    }
                    if (current.fault().kind() == Fault.Kind.LOSE_ANSWER) {
                        forward(request, OutputStream.nullOutputStream());
                        return; // the connection closes without an answer
                    }
                    write(out, current.fault().status(), "application/x-amz-json-1.0",
                            ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + current.fault().errorType()
                                    + "\",\"message\":\"injected by FaultProxy\"}").getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                if (!latency.isZero()) {
                    Thread.sleep(latency.toMillis());
                }
                forward(request, out);
            }
        } catch (IOException e) {
            // the client went away, or the proxy was closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private void awaitHeal(Rule hang) throws InterruptedException {
        hanging.incrementAndGet();
        try {
            synchronized (hangs) {
                while (!closed && rule.get() == hang) {
                    hangs.wait();
                }
            }
        } finally {
            hanging.decrementAndGet();
        }
    }

    private void forward(Request request, OutputStream out) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(request.path()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name)) {
                builder.header(name, value);
            }
        });
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        write(out, response.statusCode(), response.headers().firstValue("content-type").orElse("application/json"),
                response.body(), response.headers().map());
    }

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");

    private static void write(OutputStream out, int status, String contentType, byte[] body) throws IOException {
        write(out, status, contentType, body, Map.of());
    }

    private static void write(OutputStream out, int status, String contentType, byte[] body,
                              Map<String, List<String>> upstreamHeaders) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\nContent-Type: ").append(contentType)
                .append("\r\nContent-Length: ").append(body.length);
        upstreamHeaders.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz") || lower.equals("x-amzn-requestid")) {
                values.forEach(value -> head.append("\r\n").append(name).append(": ").append(value));
            }
        });
        head.append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** One HTTP/1.1 request as the AWS SDK sends it: headers, then a body of Content-Length bytes. */
    private record Request(String method, String path, Map<String, String> headers, byte[] body) {

        /** The DynamoDB operation, e.g. GetItem, from {@code X-Amz-Target}. */
        String operation() {
            String target = headers.getOrDefault("x-amz-target", "");
            return target.substring(target.indexOf('.') + 1);
        }

        static Request read(InputStream in) throws IOException {
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                return null;
            }
            return new Request(parts[0], parts[1], headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Runs a proxy until killed: {@code UPSTREAM PORT [LATENCY_MS]}. */
    public static void main(String[] args) throws InterruptedException {
        FaultProxy proxy = start(args[0], Integer.parseInt(args[1]));
        if (args.length > 2) {
            proxy.latency(Duration.ofMillis(Long.parseLong(args[2])));
        }
        System.out.println("fault proxy " + proxy.endpoint() + " -> " + args[0]);
        Thread.currentThread().join();
    }
}
