package io.dysession.it.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code dysession.concurrency=strict} on two servers: a request whose change conflicts with a
 * concurrent one is refused with 409 and writes nothing, so every acknowledged change is stored;
 * changes to different properties of one bean still merge ({@link SameBeanScenarios}).
 */
class SameBeanStrictIT extends SameBeanScenarios {

    private static final String TABLE = "dysession-it-same-bean-strict";
    private static final int ROUNDS = 3;

    @Deployment(name = A, order = 1, testable = false)
    @TargetsContainer("same-bean-strict-a")
    static WebArchive onA() {
        return war(TABLE, "strict");
    }

    @Deployment(name = B, order = 2, testable = false)
    @TargetsContainer("same-bean-strict-b")
    static WebArchive onB() {
        return onA();
    }

    /**
     * {@value #ROUNDS} bursts of {@value #CONCURRENT} concurrent increments of one counter: every
     * answer is 2xx or 409, every acknowledged increment is stored, and none is counted as an
     * overwrite (strict mode never overwrites). At least one round must have had a 409, or the
     * rounds proved nothing.
     */
    @Test
    void concurrentIncrementsOfOneCounterAreStoredOrRefused() throws Exception {
        String cookie = startSession(nodeA.resolve("increment"));
        List<Round> rounds = new ArrayList<>();
        for (int number = 1; number <= ROUNDS; number++) {
            Round round = incrementBurst(number, cookie);
            System.out.println(round.measured("strict"));
            rounds.add(round);
        }

        for (Round round : rounds) {
            String shown = round.measured("strict") + "\n" + round.answers();
            assertEquals(List.of(), round.notAcknowledged().stream().filter(answer -> answer.status() != 409).toList(),
                    () -> "every refusal is 409: " + shown);
            assertEquals(round.acknowledged(), round.stored(), () -> "every acknowledged increment stored: " + shown);
            assertEquals(0, round.overwrites(), () -> "strict mode overwrites nothing: " + shown);
        }
        assertTrue(rounds.stream().anyMatch(round -> !round.notAcknowledged().isEmpty()),
                () -> "no round had a conflict, so strict mode was not put to the test: "
                        + rounds.stream().map(round -> round.measured("strict")).toList());
    }
}
