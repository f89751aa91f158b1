package io.dysession;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.NormalScope;

/**
 * A bean whose state lives in Amazon DynamoDB, one item per browser session, so that any
 * number of servers can serve the session without sticky sessions or clustering.
 *
 * <p>The state of a bean is exactly what JSON-B reads and writes for its class: public fields
 * and getter/setter properties, minus {@code @JsonbTransient}. Injected fields and other helpers
 * are left alone; {@code @PostConstruct} runs every time the bean is materialized in a request,
 * before the stored state is copied over it. The class needs a public or protected no-arg
 * constructor and must not be final; it does not need to be {@code Serializable}.
 *
 * <pre>
 * &#64;DySessionScoped
 * public class Cart {
 *     private List&lt;String&gt; items = new ArrayList&lt;&gt;();
 *
 *     public List&lt;String&gt; getItems() { return items; }
 *     public void setItems(List&lt;String&gt; items) { this.items = items; }
 * }
 * </pre>
 *
 * <p>Only beans whose state changed are written back, before the response commits.
 */
@Documented
@NormalScope(passivating = false)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface DySessionScoped {
}
