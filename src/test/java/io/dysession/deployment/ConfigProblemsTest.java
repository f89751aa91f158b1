package io.dysession.deployment;

import static io.dysession.deployment.BeanProblemsTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dysession.beans.Cart;
import io.dysession.internal.config.Settings;
import io.dysession.internal.config.SettingsReader;
import io.dysession.test.TestConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/** Invalid configuration fails the deployment with a message naming key and value. */
class ConfigProblemsTest {

    @AfterAll
    static void restore() {
        TestConfig.use("config-problems");
    }

    @Test
    void everyInvalidValueIsNamedWithItsKey() {
        TestConfig.use("config-problems", Map.of(
                "dysession.timeout", "30m",
                "dysession.touch-interval", "soon",
                "dysession.dynamodb.consistent-read", "yes",
                "dysession.dynamodb.endpoint", "localhost:8000",
                "dysession.table.name", "a b",
                "dysession.cookie.name", "my cookie"));
        String message = Deployments.failure(Cart.class);
        assertContains(message, "Invalid configuration: dysession.timeout=30m is not valid; expected an ISO-8601 "
                + "duration such as PT30M (30 minutes) or PT12H.");
        assertContains(message, "dysession.touch-interval=soon is not valid");
        assertContains(message, "dysession.dynamodb.consistent-read=yes is not valid; expected true or false.");
        assertContains(message, "dysession.dynamodb.endpoint=localhost:8000 is not valid; expected an absolute http "
                + "or https URL such as http://127.0.0.1:8000.");
        assertContains(message, "dysession.table.name=a b is not valid");
        assertContains(message, "dysession.cookie.name=my cookie is not valid");
    }

    @Test
    void aZeroTimeoutIsRejected() {
        TestConfig.use("config-problems", Map.of("dysession.timeout", "PT0S"));
        assertContains(Deployments.failure(Cart.class), "dysession.timeout=PT0S is not valid; expected a positive "
                + "ISO-8601 duration such as PT30M.");
    }

    @Test
    void defaultsMatchTheReadme() {
        TestConfig.useExactly(Map.of());
        Settings settings = SettingsReader.read(ConfigProvider.getConfig()).settings();
        assertEquals("sessions", settings.tableName());
        assertEquals("PK", settings.partitionKey());
        assertEquals("", settings.keyPrefix());
        assertEquals(java.util.Optional.empty(), settings.sortKey());
        assertEquals("ttl", settings.ttlAttribute());
        assertEquals(false, settings.autoCreate());
        assertEquals(java.time.Duration.ofMinutes(30), settings.timeout());
        assertEquals(java.time.Duration.ofMinutes(1), settings.touchInterval());
        assertEquals(java.util.Optional.empty(), settings.region());
        assertEquals(java.util.Optional.empty(), settings.endpoint());
        assertEquals(true, settings.consistentRead());
        assertEquals("DYSESSION", settings.cookieName());
    }
}
