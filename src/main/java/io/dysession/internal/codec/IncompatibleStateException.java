package io.dysession.internal.codec;

/**
 * Stored JSON that no longer fits its bean class, typically because the class changed.
 */
public final class IncompatibleStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    IncompatibleStateException(Class<?> beanClass, Throwable cause) {
        super("Stored state of " + beanClass.getName() + " no longer fits the class: " + cause.getMessage(), cause);
    }
}
