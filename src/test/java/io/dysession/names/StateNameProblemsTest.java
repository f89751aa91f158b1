package io.dysession.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dysession.DySessionName;
import io.dysession.DySessionScoped;
import io.dysession.test.Containers;
import io.dysession.test.DeploymentFailure;
import io.dysession.test.TestConfig;

/** State names that are invalid or claimed twice, and the annotation where it has no effect, fail the deployment. */
class StateNameProblemsTest {

    private static final String TEST = StateNameProblemsTest.class.getName();
    private static final String LONGEST = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String TOO_LONG = LONGEST + "a";
    private static final String COLLISION_FIX = ". A name is the key of one bean's state in the session item: give "
            + "each bean names of its own in @DySessionName (a class without it is stored under its class name).";
    private static final String RULE = ", which is not valid: a state name is 1 to 128 characters, each a letter, "
            + "a digit or one of . _ $ -. Choose a name that is.";

    @DySessionScoped
    @DySessionName("cart")
    public static class ValueCart {
    }

    @DySessionScoped
    @DySessionName("cart")
    public static class OtherValueCart {
    }

    @DySessionScoped
    @DySessionName(value = "basket", aliases = "cart")
    public static class AliasCart {
    }

    @DySessionScoped
    @DySessionName(value = "trolley", aliases = {"wagon", "cart"})
    public static class OtherAliasCart {
    }

    @DySessionScoped
    public static class Plain {
    }

    @DySessionScoped
    @DySessionName(value = "plain", aliases = "io.dysession.names.StateNameProblemsTest$Plain")
    public static class ClaimsPlain {
    }

    @DySessionScoped
    @DySessionName(value = "self", aliases = {"before", "self"})
    public static class OwnAlias {
    }

    @DySessionScoped
    @DySessionName(value = "twice", aliases = {"older", "older"})
    public static class RepeatedAlias {
    }

    @DySessionScoped
    @DySessionName("")
    public static class Empty {
    }

    @DySessionScoped
    @DySessionName(TOO_LONG)
    public static class TooLong {
    }

    @DySessionScoped
    @DySessionName(value = LONGEST, aliases = "io.dysession.beans.Cart-1.$_")
    public static class Longest {
    }

    @DySessionScoped
    @DySessionName(value = "my cart", aliases = "shop/cart")
    public static class BadCharacters {
    }

    @ApplicationScoped
    @DySessionName("application")
    public static class NotSessionScoped {
    }

    @DySessionName("nothing")
    public static class NotABean {
        public NotABean(int size) {
        }
    }

    @BeforeAll
    static void configure() {
        TestConfig.use("names-problems");
    }

    @Test
    void aValueTwoBeansClaimIsRejected() {
        assertProblems(List.of("The state name \"cart\" is claimed by two @DySessionScoped beans: " + TEST
                + "$OtherValueCart (the value of its @DySessionName) and " + TEST + "$ValueCart (the value of its "
                + "@DySessionName)" + COLLISION_FIX), ValueCart.class, OtherValueCart.class);
    }

    @Test
    void aValueThatAnotherBeanListsAsAliasIsRejected() {
        assertProblems(List.of("The state name \"cart\" is claimed by two @DySessionScoped beans: " + TEST
                + "$AliasCart (an alias in its @DySessionName) and " + TEST + "$ValueCart (the value of its "
                + "@DySessionName)" + COLLISION_FIX), ValueCart.class, AliasCart.class);
    }

    @Test
    void anAliasTwoBeansListIsRejected() {
        assertProblems(List.of("The state name \"cart\" is claimed by two @DySessionScoped beans: " + TEST
                + "$AliasCart (an alias in its @DySessionName) and " + TEST + "$OtherAliasCart (an alias in its "
                + "@DySessionName)" + COLLISION_FIX), AliasCart.class, OtherAliasCart.class);
    }

    @Test
    void theClassNameOfABeanWithoutTheAnnotationIsClaimedToo() {
        assertProblems(List.of("The state name \"" + TEST + "$Plain\" is claimed by two @DySessionScoped beans: "
                + TEST + "$ClaimsPlain (an alias in its @DySessionName) and " + TEST + "$Plain (its class name: it "
                + "has no @DySessionName)" + COLLISION_FIX), Plain.class, ClaimsPlain.class);
    }

    @Test
    void aNameListedTwiceByOneBeanIsRejected() {
        assertProblems(List.of("@DySessionName on " + TEST + "$OwnAlias claims the state name \"self\" twice, as "
                + "its value and as an alias. List each name once.", "@DySessionName on " + TEST + "$RepeatedAlias "
                + "claims the state name \"older\" twice, as two aliases. List each name once."),
                OwnAlias.class, RepeatedAlias.class);
    }

    @Test
    void namesOutsideTheRuleAreRejected() {
        String message = assertProblems(List.of(
                "@DySessionName on " + TEST + "$BadCharacters has the value \"my cart\"" + RULE,
                "@DySessionName on " + TEST + "$BadCharacters has the alias \"shop/cart\"" + RULE,
                "@DySessionName on " + TEST + "$Empty has the value \"\"" + RULE,
                "@DySessionName on " + TEST + "$TooLong has the value \"" + TOO_LONG + "\"" + RULE),
                Empty.class, TooLong.class, BadCharacters.class, Longest.class);
        assertFalse(message.contains(TEST + "$Longest"), message);
    }

    @Test
    void theLongestNameAndEveryAllowedCharacterDeploy() {
        Containers.start(Longest.class).close();
    }

    @Test
    void theAnnotationOnAClassThatIsNotDySessionScopedIsRejected() {
        assertProblems(List.of("@DySessionName is on " + TEST + "$NotABean, which is not a @DySessionScoped bean "
                + "class: the name is the key of a @DySessionScoped bean's state in the session item. Make the "
                + "class @DySessionScoped, or remove @DySessionName.", "@DySessionName is on " + TEST
                + "$NotSessionScoped, which is not a @DySessionScoped bean class: the name is the key of a "
                + "@DySessionScoped bean's state in the session item. Make the class @DySessionScoped, or remove "
                + "@DySessionName."), NotSessionScoped.class, NotABean.class);
    }

    /** The deployment of {@code beanClasses} fails with {@code expected} and no other problem, in this order. */
    private static String assertProblems(List<String> expected, Class<?>... beanClasses) {
        DeploymentFailure failure = DeploymentFailure.of(beanClasses);
        String message = failure.message();
        List<String> found = expected.stream().filter(message::contains).toList();
        assertEquals(expected, found, () -> "in the message\n  " + message);
        for (int i = 1; i < expected.size(); i++) {
            assertTrue(message.indexOf(expected.get(i - 1)) < message.indexOf(expected.get(i)), message);
        }
        assertEquals(expected.size(), failure.problems(), message);
        return message;
    }
}
