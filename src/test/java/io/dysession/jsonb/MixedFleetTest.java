package io.dysession.jsonb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.inject.se.SeContainer;

import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.dysession.DySessionStatistics;
import io.dysession.beans.Address;
import io.dysession.beans.Itinerary;
import io.dysession.beans.Money;
import io.dysession.beans.Profile;
import io.dysession.beans.Tier;
import io.dysession.internal.DySessionExtension;
import io.dysession.internal.merge.JsonMerge;
import io.dysession.test.Containers;
import io.dysession.test.Items;
import io.dysession.test.JsonbStack;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;

/**
 * A fleet mid-migration: servers on Yasson and on Johnzon share one table. Each reads, through
 * DynamoDB, what the other wrote; both write the same JSON for the same state; and overlapping
 * requests on the two merge by property. Runs where both providers are on the class path (the
 * default surefire execution) and is skipped elsewhere.
 */
class MixedFleetTest {

    private static final String TABLE = "mixed-fleet";
    private static final Instant LOGIN = Instant.parse("2026-11-20T10:15:30.120Z");

    private final Items items = new Items(TABLE);

    @BeforeAll
    static void bothProviders() {
        assumeTrue(JsonbStack.YASSON.present() && JsonbStack.JOHNZON.present(),
                "a mixed fleet needs Yasson and Johnzon on the class path");
        // The two servers share the library's classes in this JVM, and JsonMerge keeps the JSON-P
        // factories of the context class loader that first used it: let that be this run's own, not a
        // server's, so that the tests after this one merge with the JSON-P they expect.
        JsonMerge.merge("{}", "{}", "{}");
    }

    @ParameterizedTest
    @EnumSource(JsonbStack.class)
    void eachReadsWhatTheOtherWroteAndBack(JsonbStack writer) {
        try (Server first = new Server(writer); Server second = new Server(writer.other())) {
            String id = first.send(null, () -> fill(first.profile(), first.itinerary()));
            second.send(id, () -> {
                assertFilled(second.profile(), second.itinerary(), writer + " wrote, " + writer.other() + " read");
                second.itinerary().getLegs().add(new ArrayList<>(List.of("Tromsø")));
                second.profile().setTier(Tier.FREE);
            });
            first.send(id, () -> {
                assertEquals(Tier.FREE, first.profile().getTier(), writer.other() + "'s change, read by " + writer);
                assertEquals(List.of(List.of("Zürich", "Genève"), List.of("東京"), List.of("Tromsø")),
                        first.itinerary().getLegs());
                first.profile().setTier(Tier.GOLD);
                first.itinerary().getLegs().remove(2);
                assertFilled(first.profile(), first.itinerary(), writer.other() + " wrote, " + writer + " read");
            });
        }
    }

    @Test
    void bothWriteTheSameJsonForTheSameState() {
        Map<JsonbStack, Map<String, AttributeValue>> stored = new LinkedHashMap<>();
        for (JsonbStack stack : JsonbStack.values()) {
            try (Server server = new Server(stack)) {
                String id = server.send(null, () -> fill(server.profile(), server.itinerary()));
                stored.put(stack, items.of(id).get("beans").m());
            }
        }
        assertEquals(stored.get(JsonbStack.YASSON), stored.get(JsonbStack.JOHNZON));
    }

    /** Each side changes its own property while the other's request is under way: both kept, nothing overwritten. */
    @ParameterizedTest
    @EnumSource(JsonbStack.class)
    void overlappingRequestsOnBothMergeByProperty(JsonbStack stack) {
        try (Server one = new Server(stack); Server other = new Server(stack.other())) {
            String id = one.send(null, () -> fill(one.profile(), one.itinerary()));
            one.send(id, () -> {
                one.profile().setNickname("Ünal");
                one.itinerary().setMiles(BigInteger.valueOf(250));
                CompletableFuture.runAsync(() -> other.send(id, () -> {
                    other.profile().setBalance(new Money(new BigDecimal("20.00"), "EUR"));
                    other.itinerary().setNote(Optional.of("window seat"));
                })).join();
            });
            other.send(id, () -> {
                assertEquals("Ünal", other.profile().getNickname());
                assertEquals(new Money(new BigDecimal("20.00"), "EUR"), other.profile().getBalance());
                assertEquals(BigInteger.valueOf(250), other.itinerary().getMiles());
                assertEquals(Optional.of("window seat"), other.itinerary().getNote());
            });
            assertEquals(0, one.statistics().overwrites() + other.statistics().overwrites(),
                    "no property was changed by both");
        }
    }

    /**
     * A LocalDateTime, which the two spell differently: a request on one server changes the bean
     * while a request on the other changes that value. The merge compares this server's spellings
     * of all three sides, so the other's change is kept and nothing counts as overwritten.
     */
    @ParameterizedTest
    @EnumSource(JsonbStack.class)
    void aValueSpelledDifferentlyIsMergedByItsValue(JsonbStack stack) {
        LocalDateTime planned = LocalDateTime.of(2026, 12, 24, 18, 30);
        LocalDateTime moved = LocalDateTime.of(2026, 12, 24, 20, 0);
        try (Server one = new Server(stack); Server other = new Server(stack.other())) {
            String id = one.send(null, () -> one.itinerary().setDeparture(planned));
            other.send(id, () -> {
                other.itinerary().setTraveller("Åsa");
                CompletableFuture.runAsync(() -> one.send(id, () -> one.itinerary().setDeparture(moved))).join();
            });
            one.send(id, () -> {
                assertEquals(moved, one.itinerary().getDeparture(), "the change made on " + stack);
                assertEquals("Åsa", one.itinerary().getTraveller(), "the change made on " + stack.other());
            });
            assertEquals(0, one.statistics().overwrites() + other.statistics().overwrites(),
                    "no property was changed by both");
        }
    }

    private static void fill(Profile profile, Itinerary itinerary) {
        profile.setAddress(new Address("1 Main St", "Zürich"));
        profile.getPreviousAddresses().add(new Address("2 Old Rd", null));
        profile.setScores(new LinkedHashMap<>(Map.of("chess", 1200)));
        profile.setTier(Tier.GOLD);
        profile.setBirthday(LocalDate.of(1990, 2, 28));
        profile.setLastLogin(LOGIN);
        profile.setTimeSpent(Duration.ofMinutes(95));
        profile.setBalance(new Money(new BigDecimal("12.50"), "EUR"));
        profile.setNickname("Zoë 東京 😀");
        itinerary.setTraveller("Ölçü \"quoted\" \\ tab\t");
        itinerary.getLegs().add(new ArrayList<>(List.of("Zürich", "Genève")));
        itinerary.getLegs().add(new ArrayList<>(List.of("東京")));
        itinerary.setHotel(Optional.of(new Address("Bahnhofstrasse 1", "Zürich")));
        itinerary.setSeats(new LinkedHashMap<>(Map.of(Tier.GOLD, 2)));
        itinerary.setMiles(new BigInteger("123456789012345678901234567890"));
    }

    private static void assertFilled(Profile profile, Itinerary itinerary, String how) {
        assertEquals("Zürich", profile.getAddress().getCity(), how);
        assertEquals(List.of("2 Old Rd"), profile.getPreviousAddresses().stream().map(Address::getStreet).toList(), how);
        assertEquals(null, profile.getPreviousAddresses().get(0).getCity(), how);
        assertEquals(Map.of("chess", 1200), profile.getScores(), how);
        assertEquals(Tier.GOLD, profile.getTier(), how);
        assertEquals(LocalDate.of(1990, 2, 28), profile.getBirthday(), how);
        assertEquals(LOGIN, profile.getLastLogin(), how);
        assertEquals(Duration.ofMinutes(95), profile.getTimeSpent(), how);
        assertEquals(new Money(new BigDecimal("12.50"), "EUR"), profile.getBalance(), how);
        assertEquals("Zoë 東京 😀", profile.getNickname(), how);
        assertEquals("Ölçü \"quoted\" \\ tab\t", itinerary.getTraveller(), how);
        assertEquals(List.of(List.of("Zürich", "Genève"), List.of("東京")), itinerary.getLegs(), how);
        assertEquals(Optional.empty(), itinerary.getNote(), how);
        assertEquals("Bahnhofstrasse 1", itinerary.getHotel().map(Address::getStreet).orElse(null), how);
        assertEquals(Map.of(Tier.GOLD, 2), itinerary.getSeats(), how);
        assertEquals(new BigInteger("123456789012345678901234567890"), itinerary.getMiles(), how);
    }

    /**
     * A CDI SE container whose context class loader shows it one JSON-B stack, as a server
     * has one: the library finds its provider as it does on a server, with no setting.
     */
    private static final class Server implements AutoCloseable {

        private final ClassLoader loader;
        private final SeContainer container;
        private final Requests requests;

        Server(JsonbStack stack) {
            loader = stack.classLoader();
            container = inContext(() -> {
                TestConfig.use(TABLE);
                return Containers.start(Profile.class, Itinerary.class);
            });
            requests = new Requests(container.getBeanManager());
            String provider = container.getBeanManager().getExtension(DySessionExtension.class).runtime().codec().provider();
            assertTrue(stack.owns(provider), "a server on " + stack + " has JSON-B " + provider);
        }

        /** One request on this server; the id it sets, if any. */
        String send(String cookie, Runnable work) {
            return inContext(() -> requests.send(cookie, work).setCookie());
        }

        Profile profile() {
            return container.select(Profile.class).get();
        }

        Itinerary itinerary() {
            return container.select(Itinerary.class).get();
        }

        DySessionStatistics statistics() {
            return container.select(DySessionStatistics.class).get();
        }

        private <T> T inContext(Supplier<T> work) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return work.get();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public void close() {
            inContext(() -> {
                container.close();
                ConfigProviderResolver resolver = ConfigProviderResolver.instance();
                resolver.releaseConfig(resolver.getConfig(loader));
                return null;
            });
        }
    }
}
