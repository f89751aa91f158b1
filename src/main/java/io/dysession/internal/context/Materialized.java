package io.dysession.internal.context;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

/**
 * A bean instance made in this request, with the JSON its state had when it was made or last saved,
 * and the alias its state was read from until a save moves it to the bean's name.
 */
final class Materialized<T> {

    final String key;
    String alias;
    final Class<?> beanClass;
    final Contextual<T> contextual;
    final T instance;
    final CreationalContext<T> creationalContext;
    String savedJson;

    Materialized(String key, String alias, Class<?> beanClass, Contextual<T> contextual, T instance,
                 CreationalContext<T> creationalContext, String savedJson) {
        this.key = key;
        this.alias = alias;
        this.beanClass = beanClass;
        this.contextual = contextual;
        this.instance = instance;
        this.creationalContext = creationalContext;
        this.savedJson = savedJson;
    }

    /** Written as {@code json} under its key: the alias, if any, is gone. */
    void saved(String json) {
        savedJson = json;
        alias = null;
    }

    void destroy() {
        contextual.destroy(instance, creationalContext);
    }
}
