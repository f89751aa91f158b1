package io.dysession.internal.context;

import java.util.List;

import io.dysession.DySessionName;
import io.dysession.internal.store.StoredSession;

/**
 * The keys of one bean's state in a session item's {@code beans} map.
 *
 * @param name     the key its state is written under: the {@link DySessionName} value, or the class name
 * @param aliases  keys its state was written under before, read while the name is absent
 */
public record StateName(String name, List<String> aliases) {

    public StateName {
        aliases = List.copyOf(aliases);
    }

    /** What {@code beanClass} declares: its {@link DySessionName}, or its class name and no aliases. */
    public static StateName of(Class<?> beanClass) {
        DySessionName declared = beanClass.getAnnotation(DySessionName.class);
        return declared == null ? new StateName(beanClass.getName(), List.of())
                : new StateName(declared.value(), List.of(declared.aliases()));
    }

    /** The key {@code stored} holds this bean's state under: the name, else the first alias it has; null for none. */
    String storedUnder(StoredSession stored) {
        if (stored == null) {
            return null;
        }
        if (stored.beans().containsKey(name)) {
            return name;
        }
        return aliases.stream().filter(stored.beans()::containsKey).findFirst().orElse(null);
    }
}
