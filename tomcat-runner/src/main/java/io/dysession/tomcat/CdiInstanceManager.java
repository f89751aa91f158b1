package io.dysession.tomcat;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.NamingException;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionTarget;

import org.apache.catalina.Context;
import org.apache.tomcat.InstanceManager;
import org.apache.webbeans.servlet.WebBeansConfigurationListener;

/**
 * Tomcat's instance manager plus CDI injection into the application's own servlets, filters and
 * listeners, once the CDI container is up (listeners are created before it starts, so they get none).
 */
final class CdiInstanceManager implements InstanceManager {

    private final InstanceManager tomcat;
    private final Context context;
    private final Map<Object, CreationalContext<?>> injected = new ConcurrentHashMap<>();

    CdiInstanceManager(InstanceManager tomcat, Context context) {
        this.tomcat = tomcat;
        this.context = context;
    }

    @Override
    public Object newInstance(Class<?> clazz)
            throws IllegalAccessException, InvocationTargetException, NamingException, InstantiationException,
            IllegalArgumentException, NoSuchMethodException, SecurityException {
        return inject(tomcat.newInstance(clazz));
    }

    @Override
    public Object newInstance(String className)
            throws IllegalAccessException, InvocationTargetException, NamingException, InstantiationException,
            ClassNotFoundException, IllegalArgumentException, NoSuchMethodException, SecurityException {
        return inject(tomcat.newInstance(className));
    }

    @Override
    public Object newInstance(String fqcn, ClassLoader classLoader)
            throws IllegalAccessException, InvocationTargetException, NamingException, InstantiationException,
            ClassNotFoundException, IllegalArgumentException, NoSuchMethodException, SecurityException {
        return inject(tomcat.newInstance(fqcn, classLoader));
    }

    @Override
    public void newInstance(Object o) throws IllegalAccessException, InvocationTargetException, NamingException {
        tomcat.newInstance(o);
        inject(o);
    }

    @Override
    public void destroyInstance(Object o) throws IllegalAccessException, InvocationTargetException {
        CreationalContext<?> creation = injected.remove(o);
        if (creation != null) {
            creation.release();
        }
        tomcat.destroyInstance(o);
    }

    private Object inject(Object instance) {
        if (instance.getClass().getClassLoader() == context.getLoader().getClassLoader() && cdiStarted()) {
            injected.put(instance, injectInto(instance, CDI.current().getBeanManager()));
        }
        return instance;
    }

    private static <T> CreationalContext<T> injectInto(T instance, BeanManager beans) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) instance.getClass();
        InjectionTarget<T> target = beans.getInjectionTargetFactory(beans.createAnnotatedType(type))
                .createInjectionTarget(null);
        CreationalContext<T> creation = beans.createCreationalContext(null);
        target.inject(instance, creation);
        return creation;
    }

    // OWB's listener marks the servlet context once the container has started
    private boolean cdiStarted() {
        return context.getServletContext().getAttribute(WebBeansConfigurationListener.class.getName()) != null;
    }
}
