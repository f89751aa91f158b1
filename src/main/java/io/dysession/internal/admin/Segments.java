package io.dysession.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** The segments of a parallel {@code Scan}, each worked on by a daemon thread of its own; waits for all of them. */
final class Segments {

    private Segments() {
    }

    /**
     * @param segments how many; {@code work} gets each segment number once
     * @param name     the threads' name, and the word for an interruption
     * @throws RuntimeException the first failure of a segment's work, as it was thrown
     */
    static void run(int segments, String name, IntConsumer work) {
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be 1 or more, not " + segments);
        }
        ExecutorService pool = Executors.newFixedThreadPool(segments, task -> {
            Thread thread = new Thread(task, "dysession-" + name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                int current = segment;
                running.add(pool.submit(() -> work.accept(current)));
            }
            for (Future<?> segment : running) {
                segment.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
