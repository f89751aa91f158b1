package io.dysession.internal.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Function;

/** A long command's counts so far on standard error: at the first report, then at most once a second. */
final class ProgressLine<T> implements Consumer<T> {

    private final PrintWriter err;
    private final Function<T, String> line;
    private long lastNanos;
    private boolean started;

    ProgressLine(PrintWriter err, Function<T, String> line) {
        this.err = err;
        this.line = line;
    }

    @Override
    public synchronized void accept(T counts) {
        long now = System.nanoTime();
        if (started && now - lastNanos < 1_000_000_000L) {
            return;
        }
        started = true;
        lastNanos = now;
        err.println(line.apply(counts));
        err.flush();
    }
}
