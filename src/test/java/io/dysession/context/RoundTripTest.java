package io.dysession.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dysession.beans.Address;
import io.dysession.beans.Money;
import io.dysession.beans.Profile;
import io.dysession.beans.Tier;
import io.dysession.test.EnableDySession;
import io.dysession.test.Requests;

@EnableDySession(table = "round-trip", beans = Profile.class)
class RoundTripTest {

    @Inject
    Profile profile;

    @Inject
    Requests requests;

    @Test
    void nestedObjectsCollectionsEnumsTimesAndRecordsComeBack() {
        Instant login = Instant.parse("2026-11-20T10:15:30.123Z");
        String cookie = requests.send(null, () -> {
            profile.setAddress(new Address("1 Main St", "Springfield"));
            profile.getPreviousAddresses().add(new Address("2 Old Rd", "Shelbyville"));
            profile.setScores(new java.util.LinkedHashMap<>(Map.of("chess", 1200)));
            profile.setTier(Tier.GOLD);
            profile.setBirthday(LocalDate.of(1990, 2, 28));
            profile.setLastLogin(login);
            profile.setTimeSpent(Duration.ofMinutes(95));
            profile.setBalance(new Money(new BigDecimal("12.50"), "EUR"));
            profile.setNickname(null);
        }).setCookie();
        assertNotNull(cookie, "a changed bean starts a session");

        requests.send(cookie, () -> {
            assertEquals("Springfield", profile.getAddress().getCity());
            assertEquals("1 Main St", profile.getAddress().getStreet());
            assertEquals(List.of("Shelbyville"), profile.getPreviousAddresses().stream().map(Address::getCity).toList());
            assertEquals(Map.of("chess", 1200), profile.getScores());
            assertEquals(Tier.GOLD, profile.getTier());
            assertEquals(LocalDate.of(1990, 2, 28), profile.getBirthday());
            assertEquals(login, profile.getLastLogin());
            assertEquals(Duration.ofMinutes(95), profile.getTimeSpent());
            assertEquals(new Money(new BigDecimal("12.50"), "EUR"), profile.getBalance());
            assertNull(profile.getNickname(), "a property set to null stays null, not its default");
        });
    }
}
