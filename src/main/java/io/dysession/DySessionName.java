package io.dysession;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a {@link DySessionScoped} bean's state is stored under in the session item, instead
 * of the class's fully qualified name, so that the class can be renamed or moved to another
 * package without losing the state of live sessions.
 *
 * <pre>
 * &#64;DySessionScoped
 * &#64;DySessionName(value = "cart", aliases = {"com.shop.Cart"})
 * public class ShoppingCart {
 *     private List&lt;String&gt; items = new ArrayList&lt;&gt;();
 *     ...
 * }
 * </pre>
 *
 * <p>{@link #aliases()} are the keys the state was stored under before: the old class name, or an
 * old {@code @DySessionName}. A session whose state is under an alias (and not yet under the
 * name) is read from it, and the next write of the bean moves it: in the same {@code UpdateItem}
 * the state is set under the name and the alias removed. A request that only reads the bean
 * leaves the session as it is. Keep an alias until every session that may still hold it has
 * expired ({@code dysession.max-lifetime}).
 *
 * <p>A name or alias is 1 to 128 characters, each a letter, a digit or one of {@code . _ $ -}.
 * A name claimed by two beans (as a value, an alias, or the class name of a bean without this
 * annotation), an invalid name, or this annotation on a class that is not {@code @DySessionScoped}
 * fails the deployment. Adding this annotation to an existing class without its class name as an
 * alias starts every live session with a fresh bean.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DySessionName {

    /** The key of the bean's state in the session item. */
    String value();

    /** Keys the bean's state was stored under before: read when {@link #value()} is absent, moved at the next write. */
    String[] aliases() default {};
}
