package io.dysession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dysession.beans.Cart;
import io.dysession.test.Containers;
import io.dysession.test.TestConfig;

/**
 * {@code dysession.login.mechanisms=all} where there is no Soteria form mechanism to bind (CDI SE
 * here, Open Liberty in production): the deployment says so instead of leaving the logins in the
 * server's HttpSession silently.
 */
class BuiltInMechanismsTest {

    private final Logger log = Logger.getLogger("io.dysession.internal.login.BuiltInMechanisms");
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        log.removeHandler(capture);
        TestConfig.use(getClass().getSimpleName());
    }

    @Test
    void allWithNothingToBindIsWarnedAboutOnce() {
        TestConfig.use("built-in-mechanisms", Map.of("dysession.login.mechanisms", "all"));
        Containers.start(Cart.class).close();
        assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
        String message = warnings.get(0).getMessage();
        assertTrue(message.startsWith("dysession.login.mechanisms=all, but dysession found none of the built-in "
                + "form mechanisms it can bind"), message);
        assertTrue(message.contains("Use an application mechanism annotated @DySessionLogin instead"), message);
    }

    @Test
    void theDefaultSaysNothing() {
        TestConfig.use("built-in-mechanisms");
        Containers.start(Cart.class).close();
        assertEquals(List.of(), warnings);
    }
}
