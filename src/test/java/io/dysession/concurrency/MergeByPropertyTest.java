package io.dysession.concurrency;

import static io.dysession.concurrency.ConcurrencyTest.meanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dysession.DySession;
import io.dysession.DySessionConflictException;
import io.dysession.DySessionStatistics;
import io.dysession.beans.Wizard;
import io.dysession.concurrency.ConcurrencyTest.Server;
import io.dysession.test.TestConfig;

/**
 * Two overlapping requests of one session that change the same bean: merged by JSON property, with
 * conflicts counted and logged (merge) or refused (strict); and a request whose session another
 * request ended meanwhile.
 */
class MergeByPropertyTest {

    @AfterAll
    static void restore() {
        TestConfig.use("concurrency");
    }

    @Test
    void differentPropertiesOfOneBeanAreBothKeptInMergeAndStrict() {
        for (String mode : List.of("merge", "strict")) {
            TestConfig.use("merge-properties-" + mode, Map.of("dysession.concurrency", mode));
            try (Server server = new Server()) {
                DySessionStatistics statistics = server.container.select(DySessionStatistics.class).get();
                String id = server.requests.send(null, () -> server.wizard.setStep(2)).setCookie();
                server.requests.send(id, () -> {
                    server.wizard.setName("Ada");
                    meanwhile(() -> server.requests.send(id, () -> server.wizard.setStep(3)));
                });
                server.requests.send(id, () -> {
                    assertEquals("Ada", server.wizard.getName(), mode + ": this request's property");
                    assertEquals(3, server.wizard.getStep(), mode + ": the other request's property");
                });
                assertEquals(0, statistics.overwrites(), mode + ": nothing was overwritten");
            }
        }
    }

    @Test
    void appendsFromBothRequestsAreAllKept() {
        TestConfig.use("merge-appends");
        try (Server server = new Server()) {
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            server.requests.send(id, () -> {
                server.cart.add("mine");
                meanwhile(() -> server.requests.send(id, () -> server.cart.add("theirs")));
            });
            server.requests.send(id, () -> assertEquals(List.of("book", "theirs", "mine"), server.cart.getItems()));
        }
    }

    @Test
    void theSamePropertyChangedByBothIsOverwrittenCountedAndLoggedWithoutItsValue() {
        TestConfig.use("merge-overwrite");
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = capture(logged);
        Logger logger = Logger.getLogger("io.dysession.internal.store.ConcurrentChanges");
        logger.addHandler(handler);
        try (Server server = new Server()) {
            DySessionStatistics statistics = server.container.select(DySessionStatistics.class).get();
            String id = server.requests.send(null, () -> server.wizard.setStep(5)).setCookie();
            server.requests.send(id, () -> {
                server.wizard.setStep(6);
                meanwhile(() -> server.requests.send(id, () -> server.wizard.setStep(6)));
            });
            server.requests.send(id, () -> assertEquals(6, server.wizard.getStep()));
            assertEquals(1, statistics.overwrites(), "equal values are no proof: two increments from 5 both write 6");
            assertEquals(1, logged.size(), logged::toString);
            String message = logged.get(0).getMessage();
            assertTrue(message.contains(Wizard.class.getName() + " at /step"), message);
            assertFalse(message.contains("{") || message.contains(":6") || message.contains("= 6"),
                    "values are never logged: " + message);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void strictRefusesTheSamePropertyAndNamesBeanAndPath() {
        TestConfig.use("merge-strict-conflict", Map.of("dysession.concurrency", "strict"));
        try (Server server = new Server()) {
            String id = server.requests.send(null, () -> server.wizard.setStep(5)).setCookie();
            DySessionConflictException conflict = assertThrows(DySessionConflictException.class,
                    () -> server.requests.send(id, () -> {
                        server.wizard.setStep(7);
                        server.wizard.setName("mine");
                        meanwhile(() -> server.requests.send(id, () -> server.wizard.setStep(6)));
                    }));
            assertEquals(Set.of(Wizard.class.getName()), conflict.beans());
            assertTrue(conflict.getMessage().contains(Wizard.class.getName() + " at /step"), conflict.getMessage());
            assertFalse(conflict.sessionEnded());
            server.requests.send(id, () -> {
                assertEquals(6, server.wizard.getStep(), "the other request's write stands");
                assertEquals(null, server.wizard.getName(), "nothing of the refused request was written");
            });
        }
    }

    @Test
    void aRequestWhoseSessionWasEndedMeanwhileLearnsItAndWritesNothing() {
        TestConfig.use("merge-ended");
        try (Server server = new Server()) {
            DySession session = server.container.select(DySession.class).get();
            DySessionStatistics statistics = server.container.select(DySessionStatistics.class).get();
            String id = server.requests.send(null, () -> server.cart.add("book")).setCookie();
            DySessionConflictException ended = assertThrows(DySessionConflictException.class,
                    () -> server.requests.send(id, () -> {
                        server.cart.add("late");
                        meanwhile(() -> server.requests.send(id, session::invalidate));
                    }));
            assertTrue(ended.sessionEnded(), ended::getMessage);
            assertEquals(1, statistics.droppedWrites());
            assertEquals(null, server.requests.send(id, server.cart::getItems).setCookie(),
                    "the session is not resurrected, and reading creates none");
        }
    }

    private static Handler capture(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
