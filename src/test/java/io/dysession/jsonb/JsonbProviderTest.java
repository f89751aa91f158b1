package io.dysession.jsonb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.dysession.internal.codec.StateCodec;
import io.dysession.test.JsonbStack;

/** Each surefire execution runs on the JSON-B provider it names (dysession.test.jsonb): default-test on Yasson, johnzon on Johnzon. */
class JsonbProviderTest {

    @Test
    void theCodecFindsTheProviderThisRunIsFor() throws Exception {
        JsonbStack expected = JsonbStack.valueOf(System.getProperty("dysession.test.jsonb", "YASSON"));
        try (StateCodec codec = new StateCodec()) {
            assertTrue(expected.owns(codec.provider()), "expected " + expected + ", found " + codec.provider());
        }
    }
}
