package io.dysession.internal.context;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;

import io.dysession.internal.codec.IncompatibleStateException;
import io.dysession.internal.codec.StateCodec;
import io.dysession.internal.config.IncompatibleStatePolicy;
import io.dysession.internal.store.StateCheck;
import io.dysession.internal.store.StoredSession;

/**
 * The bean instances one request materialized, each with the JSON its state had when it was made
 * or last saved, and the beans it destroyed: what changed is what a save writes. Beans are keyed
 * by their {@link StateName}; state read from an alias moves to the name when the bean is written.
 */
final class RequestBeans implements StateCheck {

    private static final Logger LOG = Logger.getLogger(RequestBeans.class.getName());

    private final StateCodec codec;
    private final IncompatibleStatePolicy onIncompatibleState;
    private final StateNames names;
    private final Map<String, Materialized<?>> beans = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();

    RequestBeans(StateCodec codec, IncompatibleStatePolicy onIncompatibleState, StateNames names) {
        this.codec = codec;
        this.onIncompatibleState = onIncompatibleState;
        this.names = names;
    }

    <T> T get(Contextual<T> contextual) {
        Materialized<?> found = beans.get(key(contextual));
        return found == null ? null : cast(found.instance);
    }

    /** A new instance by the container, with the stored state, if any, copied over it. */
    <T> T create(Contextual<T> contextual, CreationalContext<T> creationalContext, StoredSession stored,
                 String reference) {
        Class<?> beanClass = ((Bean<?>) contextual).getBeanClass();
        StateName name = names.of(beanClass);
        String key = name.name();
        T instance = contextual.create(creationalContext);
        // Destroyed earlier in this request: it starts fresh, and its fresh state replaces the stored one.
        boolean destroyedHere = removed.remove(key);
        String storedKey = name.storedUnder(stored);
        // Under an alias: written under the name at the next save, which removes the alias.
        String alias = key.equals(storedKey) ? null : storedKey;
        destroyedHere |= alias != null && removed.contains(alias);
        String storedJson = storedKey == null ? null : stored.beans().get(storedKey);
        String savedJson;
        if (storedJson == null) {
            // A stored value that did not decrypt or decode: the fresh state replaces it at the save.
            boolean unreadable = stored != null && stored.unreadable().contains(key);
            savedJson = unreadable ? null : codec.write(instance, beanClass);
        } else if (destroyedHere) {
            savedJson = null;
        } else {
            savedJson = restore(instance, beanClass, storedJson, reference);
        }
        beans.put(key, new Materialized<>(key, alias, beanClass, contextual, instance, creationalContext, savedJson));
        return instance;
    }

    /** Destroys this request's instance, if any ({@code @PreDestroy}); its stored state goes at the save. */
    boolean destroy(Contextual<?> contextual) {
        String key = key(contextual);
        Materialized<?> found = beans.remove(key);
        if (found == null) {
            return false;
        }
        found.destroy();
        removed.add(key);
        if (found.alias != null) {
            removed.add(found.alias);
        }
        return true;
    }

    /** Removes a stored bean that this request did not use: there is no instance for {@code @PreDestroy}. */
    void removeStored(Contextual<?> contextual, StoredSession stored) {
        String storedKey = names.of(beanClass(contextual)).storedUnder(stored);
        if (storedKey != null) {
            removed.add(storedKey);
        }
    }

    /** Bean key to JSON of every instance whose state differs from what was loaded or last saved. */
    Map<String, String> changed() {
        Map<String, String> changed = new LinkedHashMap<>();
        for (Materialized<?> materialized : beans.values()) {
            String json = codec.write(materialized.instance, materialized.beanClass);
            if (!json.equals(materialized.savedJson)) {
                changed.put(materialized.key, json);
            }
        }
        return changed;
    }

    Set<String> removed() {
        return removed;
    }

    /** What a save of {@code changed} removes: the destroyed beans, and the aliases the changed beans move from. */
    Set<String> removed(Map<String, String> changed) {
        if (changed.isEmpty()) {
            return removed.isEmpty() ? Set.of() : new LinkedHashSet<>(removed); // most requests: nothing
        }
        Set<String> removing = new LinkedHashSet<>(removed);
        changed.keySet().stream().map(key -> beans.get(key).alias).filter(Objects::nonNull).forEach(removing::add);
        return removing;
    }

    /** Whether {@code json} reads into the class of this request's bean {@code key} (merged state must). */
    @Override
    public boolean fits(String key, String json) {
        Materialized<?> materialized = beans.get(key);
        return materialized != null && codec.fits(json, materialized.beanClass);
    }

    @Override
    public String respell(String key, String json) {
        Materialized<?> materialized = beans.get(key);
        return materialized == null || json == null ? json : codec.respell(json, materialized.beanClass);
    }

    void saved(Map<String, String> changed) {
        changed.forEach((key, json) -> beans.get(key).saved(json));
        removed.clear();
    }

    /** The session ended: {@code @PreDestroy} on every instance, and nothing is left to save. */
    void destroyAll() {
        beans.values().forEach(Materialized::destroy);
        beans.clear();
        removed.clear();
    }

    void release() {
        beans.values().forEach(materialized -> materialized.creationalContext.release());
        beans.clear();
    }

    private String restore(Object instance, Class<?> beanClass, String storedJson, String reference) {
        try {
            codec.restore(storedJson, instance, beanClass);
            return codec.write(instance, beanClass);
        } catch (IncompatibleStateException e) {
            if (onIncompatibleState == IncompatibleStatePolicy.FAIL) {
                throw new IllegalStateException(e.getMessage() + " (session " + reference + "; "
                        + "dysession.on-incompatible-state=fail)", e);
            }
            LOG.warning(() -> "dysession reset " + beanClass.getName() + " in session " + reference + ": "
                    + e.getMessage());
            // The stored text differs from the fresh state, so the next save replaces it.
            return storedJson;
        }
    }

    private String key(Contextual<?> contextual) {
        return names.of(beanClass(contextual)).name();
    }

    private static Class<?> beanClass(Contextual<?> contextual) {
        return ((Bean<?>) contextual).getBeanClass();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object instance) {
        return (T) instance;
    }
}
