package io.dysession.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.PropertiesConfigSource;

/**
 * Installs a MicroProfile Config (SmallRye) holding the given {@code dysession.*} values for the
 * test class loader, on top of settings that point at the DynamoDB emulator.
 */
public final class TestConfig {

    private TestConfig() {
    }

    /** The DynamoDB emulator, region, auto-created table {@code table}, plus {@code overrides}. */
    public static void use(String table, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("dysession.dynamodb.endpoint", DynamoDbEmulator.endpoint());
        values.put("dysession.dynamodb.region", "us-east-1");
        values.put("dysession.table.name", table);
        values.put("dysession.table.auto-create", "true");
        values.putAll(overrides);
        useExactly(values);
    }

    public static void use(String table) {
        use(table, Map.of());
    }

    /** Only {@code values}: nothing is added. */
    public static void useExactly(Map<String, String> values) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config previous = resolver.getConfig(loader);
        resolver.releaseConfig(previous);
        Config config = resolver.getBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
        resolver.registerConfig(config, loader);
    }

    /**
     * The configuration of the current thread's class loader for {@code loader} too, as a copy that
     * {@link ConfigProviderResolver#releaseConfig} releases alone: a CDI container's own loader
     * ({@link Containers}), which OpenWebBeans makes the context class loader while it boots.
     */
    static Config share(ClassLoader loader) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        List<ConfigSource> sources = new ArrayList<>();
        resolver.getConfig(Thread.currentThread().getContextClassLoader()).getConfigSources().forEach(sources::add);
        Config copy = resolver.getBuilder().withSources(sources.toArray(ConfigSource[]::new)).build();
        resolver.registerConfig(copy, loader);
        return copy;
    }
}
