package io.dysession.internal.codec;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.json.bind.spi.JsonbProvider;

/**
 * Bean state to JSON text and back, with JSON-B. Restoring never replaces the container's
 * instance: JSON-B reads the text into a scratch instance and the state properties are copied
 * over, so injection, interceptors and {@code @PostConstruct} helpers stay as the container made them.
 */
public final class StateCodec implements AutoCloseable {

    private final Jsonb jsonb;

    /** With the JSON-B provider that the class loader finds, as {@link JsonbBuilder#create()} does. */
    public StateCodec() {
        this(JsonbProvider.provider());
    }

    /** With the given provider: tests write with one and read with the other. */
    public StateCodec(JsonbProvider provider) {
        this.jsonb = provider.create().withConfig(config()).build();
    }

    /**
     * One JSON text for one state whichever JSON-B provider the server has, so that servers on
     * Yasson and on Johnzon share sessions and merge each other's changes (docs/how-it-works.md):
     * <ul>
     * <li>nulls are written, so that a property set to null is not restored to its {@code @PostConstruct} default;</li>
     * <li>properties in lexicographical order, the specification's default, said here so that no provider's own default applies;</li>
     * <li>{@code BigDecimal} and {@code BigInteger} as JSON numbers, as Yasson writes them: Johnzon writes them as
     * strings unless its two properties below are false (other providers ignore properties they do not know).</li>
     * </ul>
     */
    private static JsonbConfig config() {
        return new JsonbConfig().withNullValues(true)
                .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
                .setProperty("johnzon.use-bigdecimal-stringadapter", false)
                .setProperty("johnzon.use-biginteger-stringadapter", false);
    }

    /** The JSON-B implementation's class, for the start log: a fleet mid-migration runs more than one. */
    public String provider() {
        return jsonb.getClass().getName();
    }

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

    /** {@code json} as this codec writes the state it holds; {@code json} itself when it does not read into {@code beanClass}. */
    public String respell(String json, Class<?> beanClass) {
        try {
            return jsonb.toJson(jsonb.fromJson(json, beanClass), beanClass);
        } catch (JsonbException | ClassCastException | IllegalArgumentException e) {
            return json;
        }
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
