package io.dysession.test;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Records every DynamoDB request any client in this JVM sends. Registered globally through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath.
 */
public final class DynamoDbCalls implements ExecutionInterceptor {

    private static final List<SdkRequest> REQUESTS = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        synchronized (REQUESTS) {
            REQUESTS.add(context.request());
        }
    }

    public static void reset() {
        synchronized (REQUESTS) {
            REQUESTS.clear();
        }
    }

    /** The requests sent since the last reset, in order. */
    public static List<SdkRequest> requests() {
        synchronized (REQUESTS) {
            return List.copyOf(REQUESTS);
        }
    }

    /** Operation names such as GetItem, in order. */
    public static List<String> operations() {
        return requests().stream().map(r -> r.getClass().getSimpleName().replaceFirst("Request$", "")).toList();
    }
}
