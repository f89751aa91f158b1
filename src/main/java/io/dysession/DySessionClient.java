package io.dysession;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Hands dysession a {@code DynamoDbClient} the application already configured. dysession then
 * uses it instead of building its own (so {@code dysession.dynamodb.region}, {@code endpoint}
 * and credentials keys are ignored) and never closes it.
 *
 * <pre>
 * &#64;Produces &#64;ApplicationScoped &#64;DySessionClient
 * DynamoDbClient sessionsClient() {
 *     return DynamoDbClient.builder().region(Region.EU_WEST_1).build();
 * }
 * </pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface DySessionClient {

    /** The qualifier as a value, for programmatic lookup. */
    final class Literal extends AnnotationLiteral<DySessionClient> implements DySessionClient {

        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
