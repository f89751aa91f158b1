package io.dysession.internal.codec;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/**
 * Bean state to JSON text and back, with JSON-B. Restoring never replaces the container's
 * instance: JSON-B reads the text into a scratch instance and the state properties are copied
 * over, so injection, interceptors and {@code @PostConstruct} helpers stay as the container made them.
 */
public final class StateCodec implements AutoCloseable {

    // Nulls are written so that a property set to null is not restored to its @PostConstruct default.
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    public String write(Object instance, Class<?> beanClass) {
        return jsonb.toJson(instance, beanClass);
    }

    /**
     * Copies the state held in {@code json} onto {@code target}.
     *
     * @throws IncompatibleStateException when the text no longer fits the class
     */
    public void restore(String json, Object target, Class<?> beanClass) {
        Object stored;
        try {
            stored = jsonb.fromJson(json, beanClass);
        } catch (JsonbException | ClassCastException | IllegalArgumentException e) {
            throw new IncompatibleStateException(beanClass, e);
        }
        StateModel.of(beanClass).copy(stored, target);
    }

    /** Whether {@code json} reads into {@code beanClass}: merged JSON must, or the bean is a conflict. */
    public boolean fits(String json, Class<?> beanClass) {
        try {
            jsonb.fromJson(json, beanClass);
            return true;
        } catch (JsonbException | ClassCastException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
