package io.dysession.deployment;

import static io.dysession.deployment.BeanProblemsTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dysession.beans.Cart;
import io.dysession.internal.config.CookieSettings;
import io.dysession.internal.config.IncompatibleStatePolicy;
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
    void invalidSessionAndCookieOptionsAreNamed() {
        TestConfig.use("config-problems", Map.of(
                "dysession.max-lifetime", "-PT1H",
                "dysession.cookie.secure", "sometimes",
                "dysession.cookie.same-site", "Relaxed",
                "dysession.cookie.max-age", "PT0S",
                "dysession.cookie.path", "no-slash",
                "dysession.cookie.domain", "bad domain",
                "dysession.id-source", "query",
                "dysession.on-incompatible-state", "ignore",
                "dysession.compression-threshold", "-1",
                "dysession.server-timing", "on"));
        String message = Deployments.failure(Cart.class);
        assertContains(message, "dysession.max-lifetime=-PT1H is not valid; expected a positive ISO-8601 duration");
        assertContains(message, "dysession.cookie.secure=sometimes is not valid; expected auto, true or false.");
        assertContains(message, "dysession.server-timing=on is not valid; expected true or false.");
        assertContains(message, "dysession.cookie.same-site=Relaxed is not valid; expected Lax, Strict or None.");
        assertContains(message, "dysession.cookie.max-age=PT0S is not valid; expected a positive ISO-8601 duration");
        assertContains(message, "dysession.cookie.path=no-slash is not valid");
        assertContains(message, "dysession.cookie.domain=bad domain is not valid");
        assertContains(message, "dysession.id-source=query is not valid; expected cookie, header or cookie,header.");
        assertContains(message, "dysession.on-incompatible-state=ignore is not valid; expected reset or fail.");
        assertContains(message, "dysession.compression-threshold=-1 is not valid; expected a number of bytes");
    }

    @Test
    void invalidConcurrencySettingsAndCombinationsAreNamed() {
        TestConfig.use("config-problems", Map.of(
                "dysession.concurrency", "serialized",
                "dysession.cache.enabled", "true",
                "dysession.concurrency.lock-lease", "PT4S",
                "dysession.concurrency.lock-wait", "-PT1S",
                "dysession.concurrency.unlocked-methods", "GET,NOT A METHOD"));
        String message = Deployments.failure(Cart.class);
        assertContains(message, "dysession.concurrency=serialized and dysession.cache.enabled=true do not go "
                + "together");
        assertContains(message, "dysession.concurrency.lock-lease=PT4S is shorter than twice "
                + "dysession.dynamodb.call-timeout=PT2.5S");
        assertContains(message, "dysession.concurrency.lock-wait=PT-1S is not valid");
        assertContains(message, "dysession.concurrency.unlocked-methods=GET,NOT A METHOD is not valid; expected a "
                + "comma-separated list of HTTP methods");
        TestConfig.use("config-problems", Map.of("dysession.concurrency", "locked"));
        assertContains(Deployments.failure(Cart.class), "dysession.concurrency=locked is not valid; expected merge, "
                + "strict or serialized.");
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
        assertEquals("sessions", settings.table().name());
        assertEquals("PK", settings.table().partitionKey());
        assertEquals("", settings.table().keyPrefix());
        assertEquals(java.util.Optional.empty(), settings.table().sortKey());
        assertEquals("ttl", settings.table().ttlAttribute());
        assertEquals(false, settings.table().autoCreate());
        assertEquals(java.time.Duration.ofMinutes(30), settings.timing().timeout());
        assertEquals(java.time.Duration.ofMinutes(1), settings.timing().touchInterval());
        assertEquals(java.util.Optional.empty(), settings.client().region());
        assertEquals(java.util.Optional.empty(), settings.client().endpoint());
        assertEquals(true, settings.client().consistentRead());
        assertEquals(java.time.Duration.ofHours(12), settings.timing().maxLifetime());
        assertEquals(new CookieSettings("DYSESSION", Optional.empty(), Optional.empty(), CookieSettings.Secure.AUTO,
                true, "Lax", Optional.empty()), settings.cookie());
        assertEquals(true, settings.idTransport().source().fromCookie());
        assertEquals(false, settings.idTransport().source().fromHeader());
        assertEquals("X-DySession", settings.idTransport().header());
        assertEquals(false, settings.onIncompatibleState() == IncompatibleStatePolicy.FAIL);
        assertEquals(4096, settings.table().compressionThreshold());
    }
}
