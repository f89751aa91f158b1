package io.dysession.jsonb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dysession.internal.codec.IncompatibleStateException;
import io.dysession.internal.codec.StateCodec;
import io.dysession.test.JsonbStack;

/**
 * What Yasson and Johnzon write differently for one state through the codec, and the proof that
 * each reads the other's (docs/how-it-works.md, "One JSON on any JSON-B provider"). Runs where both
 * are on the class path.
 */
class JsonbDifferencesTest {

    private static final Map<JsonbStack, StateCodec> CODECS = new EnumMap<>(JsonbStack.class);

    @BeforeAll
    static void bothProviders() {
        assumeTrue(JsonbStack.YASSON.present() && JsonbStack.JOHNZON.present(),
                "the differences need Yasson and Johnzon on the class path");
        for (JsonbStack stack : JsonbStack.values()) {
            CODECS.put(stack, new StateCodec(stack.provider()));
        }
    }

    @AfterAll
    static void close() throws Exception {
        for (StateCodec codec : CODECS.values()) {
            codec.close();
        }
    }

    @Test
    void bigNumbersAreNumbersOnBoth() {
        Amounts amounts = new Amounts();
        amounts.setDecimal(new BigDecimal("12.50"));
        amounts.setInteger(new BigInteger("123456789012345678901234567890"));
        String json = "{\"decimal\":12.50,\"integer\":123456789012345678901234567890}";
        for (JsonbStack stack : JsonbStack.values()) {
            assertEquals(json, CODECS.get(stack).write(amounts, Amounts.class), stack.name());
        }
        // told so, Johnzon reads numbers only: no session written by this codec holds such strings
        assertThrows(IncompatibleStateException.class, () -> CODECS.get(JsonbStack.JOHNZON)
                .restore("{\"decimal\":\"12.50\"}", new Amounts(), Amounts.class));
    }

    /**
     * Local, offset and zoned dates with times: Yasson writes the ISO formats of the JSON-B
     * specification (seconds always, fraction without trailing zeros), Johnzon their toString() (no
     * seconds when they are zero, fraction in groups of three). The same values, read by either.
     * Instant, LocalDate and Date are spelled alike (MixedFleetTest).
     */
    @Test
    void dateTimesAreSpelledDifferentlyAndReadByBoth() {
        Times times = new Times();
        times.setLocalDateTime(LocalDateTime.of(2026, 1, 2, 3, 4, 0));
        times.setLocalTime(LocalTime.of(1, 2, 3, 120_000_000));
        times.setOffsetDateTime(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 100, ZoneOffset.ofHours(2)));
        times.setOffsetTime(OffsetTime.of(1, 2, 0, 0, ZoneOffset.ofHours(1)));
        times.setZonedDateTime(ZonedDateTime.of(2026, 1, 2, 3, 4, 0, 120_000_000, ZoneId.of("Europe/Paris")));
        Map<JsonbStack, String> expected = Map.of(
                JsonbStack.YASSON, "{\"localDateTime\":\"2026-01-02T03:04:00\",\"localTime\":\"01:02:03.12\","
                        + "\"offsetDateTime\":\"2026-01-02T03:04:05.0000001+02:00\",\"offsetTime\":\"01:02:00+01:00\","
                        + "\"zonedDateTime\":\"2026-01-02T03:04:00.12+01:00[Europe/Paris]\"}",
                JsonbStack.JOHNZON, "{\"localDateTime\":\"2026-01-02T03:04\",\"localTime\":\"01:02:03.120\","
                        + "\"offsetDateTime\":\"2026-01-02T03:04:05.000000100+02:00\",\"offsetTime\":\"01:02+01:00\","
                        + "\"zonedDateTime\":\"2026-01-02T03:04:00.120+01:00[Europe/Paris]\"}");
        for (JsonbStack writer : JsonbStack.values()) {
            String json = CODECS.get(writer).write(times, Times.class);
            assertEquals(expected.get(writer), json, writer.name());
            for (JsonbStack reader : JsonbStack.values()) {
                Times read = new Times();
                CODECS.get(reader).restore(json, read, Times.class);
                assertEquals(times.getLocalDateTime(), read.getLocalDateTime(), writer + " to " + reader);
                assertEquals(times.getLocalTime(), read.getLocalTime(), writer + " to " + reader);
                assertEquals(times.getOffsetDateTime(), read.getOffsetDateTime(), writer + " to " + reader);
                assertEquals(times.getOffsetTime(), read.getOffsetTime(), writer + " to " + reader);
                assertEquals(times.getZonedDateTime(), read.getZonedDateTime(), writer + " to " + reader);
            }
        }
    }

    /** Not portable: documented as such, and checked here so that the documentation follows the providers. */
    @Test
    void aCalendarAtMidnightAndANonAsciiUriAreNotPortable() {
        Legacy legacy = new Legacy();
        legacy.setDay(new GregorianCalendar(2026, Calendar.JANUARY, 2));
        legacy.setLink(URI.create("http://example.com/é"));
        String johnzon = CODECS.get(JsonbStack.JOHNZON).write(legacy, Legacy.class);
        assertTrue(johnzon.contains("\"2026-01-02"), johnzon);
        assertTrue(johnzon.contains("\"http://example.com/%C3%A9\""), johnzon);
        assertThrows(IncompatibleStateException.class,
                () -> CODECS.get(JsonbStack.JOHNZON).restore(johnzon, new Legacy(), Legacy.class),
                "Johnzon cannot read the calendar it wrote");
        String yasson = CODECS.get(JsonbStack.YASSON).write(legacy, Legacy.class);
        assertTrue(yasson.contains("\"http://example.com/é\""), yasson);
    }

    public static class Legacy {
        private Calendar day;
        private URI link;

        public Calendar getDay() {
            return day;
        }

        public void setDay(Calendar day) {
            this.day = day;
        }

        public URI getLink() {
            return link;
        }

        public void setLink(URI link) {
            this.link = link;
        }
    }

    public static class Amounts {
        private BigDecimal decimal;
        private BigInteger integer;

        public BigDecimal getDecimal() {
            return decimal;
        }

        public void setDecimal(BigDecimal decimal) {
            this.decimal = decimal;
        }

        public BigInteger getInteger() {
            return integer;
        }

        public void setInteger(BigInteger integer) {
            this.integer = integer;
        }
    }

    public static class Times {
        private LocalDateTime localDateTime;
        private LocalTime localTime;
        private OffsetDateTime offsetDateTime;
        private OffsetTime offsetTime;
        private ZonedDateTime zonedDateTime;

        public LocalDateTime getLocalDateTime() {
            return localDateTime;
        }

        public void setLocalDateTime(LocalDateTime localDateTime) {
            this.localDateTime = localDateTime;
        }

        public LocalTime getLocalTime() {
            return localTime;
        }

        public void setLocalTime(LocalTime localTime) {
            this.localTime = localTime;
        }

        public OffsetDateTime getOffsetDateTime() {
            return offsetDateTime;
        }

        public void setOffsetDateTime(OffsetDateTime offsetDateTime) {
            this.offsetDateTime = offsetDateTime;
        }

        public OffsetTime getOffsetTime() {
            return offsetTime;
        }

        public void setOffsetTime(OffsetTime offsetTime) {
            this.offsetTime = offsetTime;
        }

        public ZonedDateTime getZonedDateTime() {
            return zonedDateTime;
        }

        public void setZonedDateTime(ZonedDateTime zonedDateTime) {
            this.zonedDateTime = zonedDateTime;
        }
    }
}
