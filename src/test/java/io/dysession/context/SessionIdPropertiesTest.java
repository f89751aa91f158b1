package io.dysession.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import io.dysession.internal.context.SessionId;

/** The id parser accepts exactly the ids the generator can make, whatever a client sends. */
class SessionIdPropertiesTest {

    @Property(tries = 2000)
    void everyEncodingOf32BytesIsWellFormed(@ForAll @Size(32) byte[] bytes) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertTrue(SessionId.isWellFormed(id), id);
    }

    @Property(tries = 2000)
    void whatIsAcceptedDecodesTo32BytesAndEncodesBackUnchanged(@ForAll("almostIds") String candidate) {
        if (SessionId.isWellFormed(candidate)) {
            byte[] bytes = Base64.getUrlDecoder().decode(candidate);
            assertEquals(32, bytes.length);
            assertEquals(candidate, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
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

    @Provide
    Arbitrary<String> almostIds() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. ")
                .ofMinLength(42).ofMaxLength(44);
    }

    @Provide
    Arbitrary<Character> foreignCharacters() {
        return Arbitraries.chars().filter(c -> !(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_');
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 42);
    }
}
