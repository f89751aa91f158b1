package io.dysession.tomcat;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.core.StandardContext;
import org.apache.webbeans.servlet.WebBeansConfigurationListener;

/**
 * What OpenWebBeans' Tomcat plugin does, which Maven Central does not serve at 4.0.3: OWB's listener
 * first among the application's listeners (it starts the container before any other listener runs,
 * and the request context before every request), and an instance manager that injects CDI beans into
 * the application's servlets and filters. OWB 4.0.3's own ServletContainerInitializer is registered
 * under the javax name, so Tomcat 10 never calls it (OWB-1453, fixed after 4.0.3).
 */
final class OwbWebIntegration implements LifecycleListener {

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())
                && event.getLifecycle() instanceof StandardContext context) {
            listenFirst(context);
            context.setInstanceManager(new CdiInstanceManager(context.createInstanceManager(), context));
        }
    }

    private static void listenFirst(Context context) {
        String[] listeners = context.findApplicationListeners();
        for (String listener : listeners) {
            context.removeApplicationListener(listener);
        }
        context.addApplicationListener(WebBeansConfigurationListener.class.getName());
        for (String listener : listeners) {
            context.addApplicationListener(listener);
        }
    }
}
