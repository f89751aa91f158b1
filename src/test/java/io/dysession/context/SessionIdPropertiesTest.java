package io.dysession.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

import io.dysession.internal.context.SessionId;

/** The id parser accepts exactly the ids the generator can make, whatever a client sends. */
class SessionIdPropertiesTest {

    /** base64url, in the order of the 6-bit values its characters stand for. */
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /**
     * 43 characters carry 258 bits, 32 bytes only 256: the last character holds 4 bits and two zero
     * bits, so its value is a multiple of 4. Another last character decodes to the same 32 bytes, which
     * encode back to a different id.
     */
    private static final String LAST = lastCharacters(true);
    private static final String NOT_LAST = lastCharacters(false);

    @Property(tries = 2000)
    void everyEncodingOf32BytesIsWellFormed(@ForAll @Size(32) byte[] bytes) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertTrue(SessionId.isWellFormed(id), id);
    }

    @Property(tries = 1000)
    void everyIdOfTheFormatIsAccepted(@ForAll("wellFormedIds") String id) {
        assertTrue(SessionId.isWellFormed(id), id);
    }

    @Property(tries = 2000)
    void whatIsAcceptedDecodesTo32BytesAndEncodesBackUnchanged(@ForAll("nearIds") String candidate) {
        boolean accepted = SessionId.isWellFormed(candidate);
        // Tries that are all accepted, or all rejected, would test one branch only: the property fails.
        Statistics.label("accepted").collect(accepted).coverage(coverage -> {
            coverage.check(true).percentage(share -> share >= 30);
            coverage.check(false).percentage(share -> share >= 30);
        });
        if (accepted) {
            byte[] bytes = Base64.getUrlDecoder().decode(candidate);
            assertEquals(32, bytes.length);
            assertEquals(candidate, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        } else {
            assertFalse(encodes32Bytes(candidate), () -> "rejected, yet it encodes 32 bytes: " + candidate);
        }
    }

    @Property(tries = 2000)
    void anyStringOfAnotherLengthIsRejected(@ForAll String candidate) {
        if (candidate.length() != 43) {
            assertFalse(SessionId.isWellFormed(candidate));
        }
    }

    @Property(tries = 1000)
    void anyCharacterOutsideBase64UrlIsRejected(@ForAll @Size(32) byte[] bytes,
                                                @ForAll("foreignCharacters") char foreign,
                                                @ForAll("positions") int position) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String tampered = id.substring(0, position) + foreign + id.substring(position + 1);
        assertFalse(SessionId.isWellFormed(tampered), tampered);
    }

    /** The canonical form of 32 bytes: 43 base64url characters, the last of them one of {@link #LAST}. */
    @Provide
    Arbitrary<String> wellFormedIds() {
        return Combinators.combine(Arbitraries.strings().withChars(ALPHABET).ofLength(42),
                Arbitraries.strings().withChars(LAST).ofLength(1)).as(String::concat);
    }

    /** Half of them ids of the format, half one step away from it. */
    @Provide
    Arbitrary<String> nearIds() {
        Arbitrary<String> ids = wellFormedIds();
        Arbitrary<Integer> positions = positions();
        Arbitrary<String> foreignCharacter = Combinators.combine(ids, positions, foreignCharacters())
                .as((id, at, foreign) -> id.substring(0, at) + foreign + id.substring(at + 1));
        Arbitrary<String> oneShort = Combinators.combine(ids, positions)
                .as((id, at) -> id.substring(0, at) + id.substring(at + 1));
        Arbitrary<String> oneLong = Combinators.combine(ids, positions, Arbitraries.of(ALPHABET.toCharArray()))
                .as((id, at, extra) -> id.substring(0, at) + extra + id.substring(at));
        Arbitrary<String> padded = ids.map(id -> id + "=");
        Arbitrary<String> nonZeroLastBits = Combinators
                .combine(ids, Arbitraries.strings().withChars(NOT_LAST).ofLength(1))
                .as((id, last) -> id.substring(0, 42) + last);
        return Arbitraries.frequencyOf(Tuple.of(5, ids), Tuple.of(1, foreignCharacter), Tuple.of(1, oneShort),
                Tuple.of(1, oneLong), Tuple.of(1, padded), Tuple.of(1, nonZeroLastBits));
    }

    @Provide
    Arbitrary<Character> foreignCharacters() {
        return Arbitraries.chars().filter(c -> !(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_');
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 42);
    }

    private static String lastCharacters(boolean multipleOf4) {
        StringBuilder characters = new StringBuilder();
        for (int value = 0; value < 64; value++) {
            if ((value % 4 == 0) == multipleOf4) {
                characters.append(ALPHABET.charAt(value));
            }
        }
        return characters.toString();
    }

    private static boolean encodes32Bytes(String candidate) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(candidate);
            return bytes.length == 32
                    && candidate.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        } catch (IllegalArgumentException notBase64url) {
            return false;
        }
    }
}
