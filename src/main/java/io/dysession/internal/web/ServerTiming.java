package io.dysession.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.dysession.internal.dynamodb.CallTrace;

/**
 * The {@code Server-Timing} header of a traced request: one entry per DynamoDB call, in order
 * ({@code dynamodb-1;desc="GetItem";dur=3.2}), and the session item's size when the request read or
 * wrote it in full ({@code dysession-item;desc="1534 bytes"}). Browsers show it in their developer
 * tools, and a page's scripts read it from {@code performance.getEntriesByType("navigation")}.
 * Nothing in it is secret: no id, no key, no state.
 */
final class ServerTiming {

    static final String HEADER = "Server-Timing";
    private static final String CALL = "dynamodb-";

    private ServerTiming() {
    }

    /** True when this response already carries dysession's entries (an application may add its own). */
    static boolean sent(HttpServletResponse response) {
        return response.getHeaders(HEADER).stream().anyMatch(value -> value.startsWith(CALL));
    }

    /** The header's value, or null when the request made no call. */
    static String of(CallTrace trace) {
        List<String> entries = new ArrayList<>();
        List<CallTrace.Call> calls = trace.calls();
        for (int i = 0; i < calls.size(); i++) {
            CallTrace.Call call = calls.get(i);
            entries.add(String.format(Locale.ROOT, CALL + "%d;desc=\"%s\";dur=%.1f", i + 1, call.operation(),
                    call.nanos() / 1_000_000.0));
        }
        if (trace.itemBytes() >= 0) {
            entries.add("dysession-item;desc=\"" + trace.itemBytes() + " bytes\"");
        }
        return entries.isEmpty() ? null : String.join(", ", entries);
    }
}
