package io.dysession.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Produces;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dysession.DySessionScoped;
import io.dysession.test.TestConfig;

/** Beans the scope cannot serve fail the deployment with a message that names them and the fix. */
class BeanProblemsTest {

    @DySessionScoped
    public static final class FinalBean {
    }

    @DySessionScoped
    public static class FinalMethod {
        private int count;

        public final int count() {
            return count;
        }
    }

    @DySessionScoped
    static class NotPublic {
        private int count;

        public NotPublic() {
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }
    }

    @DySessionScoped
    public static class NoDefaultConstructor {
        NoDefaultConstructor() {
        }

        public NoDefaultConstructor(int count) {
        }
    }

    public static class Holder {
    }

    public static class MethodProducer {
        @Produces
        @DySessionScoped
        Holder holder() {
            return new Holder();
        }
    }

    public static class FieldProducer {
        @Produces
        @DySessionScoped
        Holder holder = new Holder();
    }

    @BeforeAll
    static void configure() {
        TestConfig.use("bean-problems");
    }

    @Test
    void aFinalBeanClassIsRejected() {
        assertContains(Deployments.failure(FinalBean.class), "@DySessionScoped bean class "
                + FinalBean.class.getName() + " is final. The container must proxy a @DySessionScoped bean: remove "
                + "the final modifier.");
    }

    /** Weld SE proxied it (the call then read the proxy's own fields), OpenWebBeans failed at first use. */
    @Test
    void aBeanClassWithAFinalMethodIsRejected() {
        assertContains(Deployments.failure(FinalMethod.class), "@DySessionScoped bean class "
                + FinalMethod.class.getName() + " has the final method " + FinalMethod.class.getName() + ".count(). "
                + "The container's proxy cannot pass a call of a final method on to the session's instance: remove "
                + "the final modifier.");
    }

    @Test
    void aBeanClassThatIsNotPublicIsRejected() {
        assertContains(Deployments.failure(NotPublic.class), "@DySessionScoped bean class "
                + NotPublic.class.getName() + " is not public. JSON-B implementations such as Yasson read and write "
                + "only public classes' properties, so its state could not be stored: make the class public.");
    }

    @Test
    void aBeanWithoutPublicOrProtectedNoArgConstructorIsRejected() {
        assertContains(Deployments.failure(NoDefaultConstructor.class), "@DySessionScoped bean class "
                + NoDefaultConstructor.class.getName() + " has no public or protected no-arg constructor, which "
                + "JSON-B needs to read its stored state. Add one; it may be empty.");
    }

    @Test
    void aProducerMethodWithTheScopeIsRejected() {
        assertContains(Deployments.failure(MethodProducer.class), "Producer method " + MethodProducer.class.getName()
                + ".holder() is @DySessionScoped, but only bean classes can be: dysession restores stored state "
                + "into an instance the container creates from the class. Put @DySessionScoped on the class "
                + "instead, or give the producer another scope.");
    }

    @Test
    void aProducerFieldWithTheScopeIsRejected() {
        assertContains(Deployments.failure(FieldProducer.class), "Producer field " + FieldProducer.class.getName()
                + ".holder is @DySessionScoped");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        String message = Deployments.failure(FinalBean.class, MethodProducer.class);
        assertContains(message, FinalBean.class.getName() + " is final");
        assertContains(message, MethodProducer.class.getName() + ".holder()");
    }

    static void assertContains(String message, String expected) {
        assertTrue(message.contains(expected), () -> "expected the message to contain\n  " + expected
                + "\nbut it was\n  " + message);
    }
}
