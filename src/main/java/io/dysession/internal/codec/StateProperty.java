package io.dysession.internal.codec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * One property that JSON-B both reads and writes: its getter and setter.
 */
final class StateProperty {

    private final String name;
    private final Method reader;
    private final Method writer;

    StateProperty(String name, Method reader, Method writer) {
        this.name = name;
        this.reader = reader;
        this.writer = writer;
        reader.setAccessible(true);
        writer.setAccessible(true);
    }

    String name() {
        return name;
    }

    void copy(Object from, Object to) {
        try {
            writer.invoke(to, reader.invoke(from));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot copy property '" + name + "': " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Property '" + name + "' threw while its stored state was restored: "
                    + e.getCause(), e.getCause());
        }
    }
}
