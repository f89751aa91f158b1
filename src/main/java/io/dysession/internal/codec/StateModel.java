package io.dysession.internal.codec;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTransient;

/**
 * The state of a bean class: the properties that JSON-B with default visibility both writes and
 * reads, which for a normal-scoped bean (CDI forbids it public fields) are its public getter/setter
 * pairs, less those marked {@code @JsonbTransient} or backed by a {@code transient} or
 * {@code @Inject} field. Injected fields and private helpers without accessors are therefore never
 * overwritten by a restore.
 */
final class StateModel {

    private static final ClassValue<StateModel> MODELS = new ClassValue<>() {
        @Override
        protected StateModel computeValue(Class<?> type) {
            return new StateModel(type);
        }
    };

    private final List<StateProperty> properties;

    private StateModel(Class<?> beanClass) {
        Map<String, Method> readers = new LinkedHashMap<>();
        Map<String, Method> writers = new LinkedHashMap<>();
        Set<String> excluded = new HashSet<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            collectExcludedFields(type, excluded);
            collectAccessors(type, readers, writers, excluded);
        }
        List<StateProperty> found = new ArrayList<>();
        readers.forEach((name, reader) -> {
            Method writer = writers.get(name);
            if (writer != null && !excluded.contains(name)) {
                found.add(new StateProperty(name, reader, writer));
            }
        });
        this.properties = List.copyOf(found);
    }

    static StateModel of(Class<?> beanClass) {
        return MODELS.get(beanClass);
    }

    /** Copies every state property from {@code from} (made by JSON-B) onto {@code to} (made by the container). */
    void copy(Object from, Object to) {
        for (StateProperty property : properties) {
            property.copy(from, to);
        }
    }

    private static void collectExcludedFields(Class<?> type, Set<String> excluded) {
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isTransient(field.getModifiers()) || field.isAnnotationPresent(JsonbTransient.class)
                    || field.isAnnotationPresent(Inject.class)) {
                excluded.add(field.getName());
            }
        }
    }

    // The most specific declaration of an accessor wins.
    private static void collectAccessors(Class<?> type, Map<String, Method> readers,
                                         Map<String, Method> writers, Set<String> excluded) {
        for (Method method : type.getDeclaredMethods()) {
            int modifiers = method.getModifiers();
            if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers) || method.isSynthetic()
                    || method.isBridge()) {
                continue;
            }
            String property = readerProperty(method);
            Map<String, Method> target = readers;
            if (property == null) {
                property = writerProperty(method);
                target = writers;
            }
            if (property == null) {
                continue;
            }
            if (method.isAnnotationPresent(JsonbTransient.class)) {
                excluded.add(property);
            } else {
                target.putIfAbsent(property, method);
            }
        }
    }

    private static String readerProperty(Method method) {
        if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
            return null;
        }
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return Introspector.decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2
                && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
            return Introspector.decapitalize(name.substring(2));
        }
        return null;
    }

    private static String writerProperty(Method method) {
        String name = method.getName();
        if (method.getParameterCount() == 1 && name.startsWith("set") && name.length() > 3) {
            return Introspector.decapitalize(name.substring(3));
        }
        return null;
    }
}
