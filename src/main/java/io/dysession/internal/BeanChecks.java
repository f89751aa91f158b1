package io.dysession.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;

import io.dysession.DySessionScoped;

/**
 * Collects the {@code @DySessionScoped} beans the scope cannot serve: producers, non-public and final
 * classes, final methods, classes JSON-B cannot instantiate. Each problem names the class or member and the fix.
 */
final class BeanChecks {

    private final List<String> problems = new ArrayList<>();

    void check(ProcessBean<?> event) {
        if (event.getBean().getScope() != DySessionScoped.class) {
            return;
        }
        if (event instanceof ProcessProducerMethod<?, ?> producer) {
            problems.add(producerProblem("method", name(producer.getAnnotatedProducerMethod().getJavaMember()) + "()"));
        } else if (event instanceof ProcessProducerField<?, ?> producer) {
            problems.add(producerProblem("field", name(producer.getAnnotatedProducerField().getJavaMember())));
        } else {
            checkBeanClass(event.getBean().getBeanClass());
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void checkBeanClass(Class<?> beanClass) {
        if (!Modifier.isPublic(beanClass.getModifiers())) {
            // Yasson (Payara, WildFly, Open Liberty) calls accessors through a public lookup: it would fail at the
            // first save (IllegalAccessException), with the change lost; refused at deployment instead.
            problems.add("@DySessionScoped bean class " + beanClass.getName() + " is not public. JSON-B "
                    + "implementations such as Yasson read and write only public classes' properties, so its "
                    + "state could not be stored: make the class public.");
        }
        if (Modifier.isFinal(beanClass.getModifiers())) {
            problems.add("@DySessionScoped bean class " + beanClass.getName() + " is final. The container "
                    + "must proxy a @DySessionScoped bean: remove the final modifier.");
        }
        String finalMethod = finalMethod(beanClass);
        if (finalMethod != null) {
            // Weld SE proxies it anyway (relaxed construction) and the call runs on the empty proxy; OpenWebBeans
            // refuses only when the bean is first used; Weld on a server refuses at deployment: refused here, alike.
            problems.add("@DySessionScoped bean class " + beanClass.getName() + " has the final method "
                    + finalMethod + "(). The container's proxy cannot pass a call of a final method on to the "
                    + "session's instance: remove the final modifier.");
        }
        if (!hasUsableNoArgConstructor(beanClass)) {
            problems.add("@DySessionScoped bean class " + beanClass.getName() + " has no public or "
                    + "protected no-arg constructor, which JSON-B needs to read its stored state. Add one; it may "
                    + "be empty.");
        }
    }

    /** The name of a method the proxy cannot override (final, neither private nor static), or null. */
    private static String finalMethod(Class<?> beanClass) {
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isFinal(modifiers) && !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers)
                        && !method.isSynthetic() && !method.isBridge()) {
                    return type.getName() + "." + method.getName();
                }
            }
        }
        return null;
    }

    private static boolean hasUsableNoArgConstructor(Class<?> beanClass) {
        for (Constructor<?> constructor : beanClass.getDeclaredConstructors()) {
            int modifiers = constructor.getModifiers();
            if (constructor.getParameterCount() == 0 && (Modifier.isPublic(modifiers)
                    || Modifier.isProtected(modifiers))) {
                return true;
            }
        }
        return false;
    }

    private static String name(Member member) {
        return member.getDeclaringClass().getName() + "." + member.getName();
    }

    private static String producerProblem(String kind, String member) {
        return "Producer " + kind + " " + member + " is @DySessionScoped, but only bean classes can be: dysession "
                + "restores stored state into an instance the container creates from the class. Put "
                + "@DySessionScoped on the class instead, or give the producer another scope.";
    }
}
