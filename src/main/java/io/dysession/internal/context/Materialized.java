package io.dysession.internal.context;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

/**
 * A bean instance made in this request, with the JSON its state had when it was made or last saved.
 */
final class Materialized<T> {

    final String key;
    final Class<?> beanClass;
    final Contextual<T> contextual;
    final T instance;
    final CreationalContext<T> creationalContext;
    String savedJson;

    Materialized(String key, Class<?> beanClass, Contextual<T> contextual, T instance,
                 CreationalContext<T> creationalContext, String savedJson) {
        this.key = key;
        this.beanClass = beanClass;
        this.contextual = contextual;
        this.instance = instance;
        this.creationalContext = creationalContext;
        this.savedJson = savedJson;
    }

    void destroy() {
        contextual.destroy(instance, creationalContext);
    }
}
