package io.dysession.resilience;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.dysession.beans.Cart;
import io.dysession.test.Containers;
import io.dysession.test.DynamoDbEmulator;
import io.dysession.test.FaultProxy;
import io.dysession.test.TestConfig;

/**
 * A {@link FaultProxy} in front of the emulator for each test, and CDI containers whose dysession
 * reaches DynamoDB only through it. Afterwards the configuration points at the emulator again.
 */
final class ProxiedStore implements BeforeEachCallback, AfterEachCallback {

    private FaultProxy proxy;

    @Override
    public void beforeEach(ExtensionContext context) {
        proxy = FaultProxy.start(DynamoDbEmulator.endpoint());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        proxy.close();
        TestConfig.use(context.getRequiredTestClass().getSimpleName());
    }

    FaultProxy proxy() {
        return proxy;
    }

    /** A container with the {@link Cart} bean, its sessions in {@code table}, configured with {@code overrides}. */
    SeContainer start(String table, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(overrides);
        values.put("dysession.dynamodb.endpoint", proxy.endpoint());
        TestConfig.use(table, values);
        return Containers.start(Cart.class);
    }
}
