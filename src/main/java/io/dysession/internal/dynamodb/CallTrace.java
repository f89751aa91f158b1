package io.dysession.internal.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The DynamoDB calls one thread makes while a trace is open, and the size of the session item it
 * read or wrote in full: what the {@code Server-Timing} header reports
 * ({@code dysession.server-timing}). A thread without an open trace records nothing.
 */
public final class CallTrace implements AutoCloseable {

    private static final ThreadLocal<CallTrace> CURRENT = new ThreadLocal<>();

    /** One call: the operation's name and how long it took, failed calls included. */
    public record Call(String operation, long nanos) {
    }

    private final List<Call> calls = new ArrayList<>();
    private long itemBytes = -1;

    private CallTrace() {
    }

    /** Opens a trace on this thread; close it on the same thread. */
    public static CallTrace open() {
        CallTrace trace = new CallTrace();
        CURRENT.set(trace);
        return trace;
    }

    public static void called(String operation, long nanos) {
        CallTrace trace = CURRENT.get();
        if (trace != null) {
            trace.calls.add(new Call(operation, nanos));
        }
    }

    // Sized only when a trace is open: sizing reads the whole item.
    public static void item(LongSupplier bytes) {
        CallTrace trace = CURRENT.get();
        if (trace != null) {
            trace.itemBytes = bytes.getAsLong();
        }
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The session item's size in bytes, by DynamoDB's rules, as last read or written in full; -1 if neither. */
    public long itemBytes() {
        return itemBytes;
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
