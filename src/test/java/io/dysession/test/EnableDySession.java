package io.dysession.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the annotated class in its own CDI SE container ({@link Containers}: Weld, or
 * OpenWebBeans in the {@code owb} run) holding the dysession extension, {@link Requests} and
 * {@link #beans()}, with the configuration of {@link TestConfig} for {@link #table()}. The test's
 * {@code @Inject} fields are filled.
 *
 * <pre>
 * &#64;EnableDySession(table = "lifecycle", beans = Cart.class)
 * class LifecycleTest {
 *     &#64;Inject Cart cart;
 *     &#64;Inject Requests requests;
 *
 *     &#64;Test
 *     void aChangeStartsASession() {
 *         assertNotNull(requests.send(null, () -&gt; cart.add("book")).setCookie());
 *     }
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DySessionTestExtension.class)
public @interface EnableDySession {

    /** The table the sessions are stored in, created on first use. */
    String table();

    /** The test's own bean classes. */
    Class<?>[] beans() default {};

    /** Configuration added to the emulator's, each as {@code key=value}. */
    String[] config() default {};
}
