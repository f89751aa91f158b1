package io.dysession.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Two Payara Micro processes of one WAR that a test starts itself, so that it can kill one
 * ({@code kill -9}), where Arquillian's managed containers cannot: started one after the other
 * (the first creates the table, the second finds it), and stopped when closed or when the JVM exits.
 */
public final class ServerPair implements AutoCloseable {

    private static final Duration STARTUP_BOUND = Duration.ofSeconds(120);

    private final List<PayaraMicroProcess> servers;
    private final Thread stopOnExit;

    private ServerPair(List<PayaraMicroProcess> servers, Thread stopOnExit) {
        this.servers = servers;
        this.stopOnExit = stopOnExit;
    }

    /**
     * Instances {@code name}-a and {@code name}-b of {@code war} at context root {@code name}, up once
     * {@code readyPath} answers. Their roots and logs are under target/it (emptied before the ITs).
     */
    public static ServerPair start(String name, WebArchive war, String readyPath)
            throws IOException, InterruptedException {
        return start(name, war, readyPath, List.of(), List.of());
    }

    /** Like {@link #start(String, WebArchive, String)}, each server with JVM options of its own. */
    public static ServerPair start(String name, WebArchive war, String readyPath, List<String> optionsOfA,
                                   List<String> optionsOfB) throws IOException, InterruptedException {
        Path itDir = Path.of(System.getProperty("dysession.it.dir", "target/it")).toAbsolutePath();
        Files.createDirectories(itDir);
        Path file = itDir.resolve(name + ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        int portA = PayaraMicroProcess.freePort();
        int portB = PayaraMicroProcess.freePort();
        while (portB == portA) {
            portB = PayaraMicroProcess.freePort();
        }
        List<PayaraMicroProcess> started = new CopyOnWriteArrayList<>();
        Thread stopOnExit = new Thread(() -> stop(started), name + "-stop-servers");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        ServerPair pair = new ServerPair(started, stopOnExit);
        started.add(PayaraMicroProcess.start(name + "-a", portA, file, name, itDir, optionsOfA));
        started.get(0).awaitUp(readyPath, STARTUP_BOUND);
        started.add(PayaraMicroProcess.start(name + "-b", portB, file, name, itDir, optionsOfB));
        started.get(1).awaitUp(readyPath, STARTUP_BOUND);
        return pair;
    }

    public PayaraMicroProcess a() {
        return servers.get(0);
    }

    public PayaraMicroProcess b() {
        return servers.get(1);
    }

    @Override
    public void close() {
        stop(servers);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private static void stop(List<PayaraMicroProcess> servers) {
        servers.forEach(server -> server.process().destroy());
        servers.forEach(PayaraMicroProcess::stop);
    }
}
