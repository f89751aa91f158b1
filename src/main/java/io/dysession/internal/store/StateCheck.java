package io.dysession.internal.store;

/**
 * Whether merged JSON still reads back into its bean's class: asked of the codec, which the store
 * does not know. JSON that does not fit makes the whole bean a conflict.
 */
@FunctionalInterface
public interface StateCheck {

    boolean fits(String bean, String json);
}
