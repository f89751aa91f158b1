package io.dysession.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;

import io.dysession.DySessionName;
import io.dysession.DySessionScoped;
import io.dysession.internal.context.StateName;
import io.dysession.internal.context.StateNames;

/**
 * Collects the {@link StateName} of every {@code @DySessionScoped} bean class, and the problems
 * with them: a name that is not valid, a name that two beans claim (a class without
 * {@link DySessionName} claims its class name), {@code @DySessionName} on a class that is not
 * {@code @DySessionScoped}. Each problem names the classes and the fix; they come in class name order.
 */
final class StateNameChecks {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._$-]{1,128}");
    private static final String RULE = "a state name is 1 to 128 characters, each a letter, a digit or one of "
            + ". _ $ -";

    private final Set<Class<?>> annotated = new LinkedHashSet<>();
    private final Map<Class<?>, StateName> names = new HashMap<>();

    void annotated(ProcessAnnotatedType<?> event) {
        annotated.add(event.getAnnotatedType().getJavaClass());
    }

    void bean(ProcessBean<?> event) {
        // A producer's bean class is the class that declares it; BeanChecks rejects the producer.
        if (event.getBean().getScope() == DySessionScoped.class && !(event instanceof ProcessProducerMethod<?, ?>)
                && !(event instanceof ProcessProducerField<?, ?>)) {
            Class<?> beanClass = event.getBean().getBeanClass();
            names.put(beanClass, StateName.of(beanClass));
        }
    }

    StateNames names() {
        return new StateNames(names);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        annotated.stream().filter(type -> !names.containsKey(type)).sorted(Comparator.comparing(Class::getName))
                .forEach(type -> problems.add("@DySessionName is on " + type.getName() + ", which is not a "
                        + "@DySessionScoped bean class: the name is the key of a @DySessionScoped bean's state in "
                        + "the session item. Make the class @DySessionScoped, or remove @DySessionName."));
        Map<String, Claim> claimed = new HashMap<>();
        names.keySet().stream().sorted(Comparator.comparing(Class::getName)).flatMap(type -> claims(type).stream())
                .forEach(claim -> {
                    if (claim.kind() != Kind.CLASS_NAME && !VALID.matcher(claim.name()).matches()) {
                        problems.add("@DySessionName on " + claim.beanClass().getName() + " has the "
                                + (claim.kind() == Kind.VALUE ? "value" : "alias") + " \"" + claim.name()
                                + "\", which is not valid: " + RULE + ". Choose a name that is.");
                        return;
                    }
                    Claim first = claimed.putIfAbsent(claim.name(), claim);
                    if (first != null) {
                        problems.add(collision(first, claim));
                    }
                });
        return problems;
    }

    private List<Claim> claims(Class<?> beanClass) {
        StateName name = names.get(beanClass);
        if (!beanClass.isAnnotationPresent(DySessionName.class)) {
            return List.of(new Claim(beanClass, name.name(), Kind.CLASS_NAME));
        }
        List<Claim> claims = new ArrayList<>();
        claims.add(new Claim(beanClass, name.name(), Kind.VALUE));
        name.aliases().forEach(alias -> claims.add(new Claim(beanClass, alias, Kind.ALIAS)));
        return claims;
    }

    private static String collision(Claim first, Claim second) {
        if (first.beanClass() == second.beanClass()) {
            return "@DySessionName on " + first.beanClass().getName() + " claims the state name \"" + first.name()
                    + "\" twice, " + (first.kind() == Kind.VALUE ? "as its value and as an alias" : "as two aliases")
                    + ". List each name once.";
        }
        return "The state name \"" + first.name() + "\" is claimed by two @DySessionScoped beans: "
                + first.beanClass().getName() + " (" + first.kind().text + ") and " + second.beanClass().getName()
                + " (" + second.kind().text + "). A name is the key of one bean's state in the session item: give "
                + "each bean names of its own in @DySessionName (a class without it is stored under its class "
                + "name).";
    }

    private enum Kind {
        VALUE("the value of its @DySessionName"),
        ALIAS("an alias in its @DySessionName"),
        CLASS_NAME("its class name: it has no @DySessionName");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    /** One name a bean class claims. */
    private record Claim(Class<?> beanClass, String name, Kind kind) {
    }
}
