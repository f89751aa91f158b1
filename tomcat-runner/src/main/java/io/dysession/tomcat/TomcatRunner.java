package io.dysession.tomcat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.juli.ClassLoaderLogManager;

/**
 * Runs one WAR as the root application of an embedded Tomcat on 127.0.0.1, with TomEE's parts on the
 * container class path (OpenWebBeans, CXF, Johnzon, SmallRye Config), until SIGTERM:
 * <pre>
 * java -jar dysession-tomcat-runner.jar --port 8080 --war myapp.war [--base work/tomcat]
 * </pre>
 * Exits with status 1 when the application fails to start, so that a caller waiting for it sees the
 * failure instead of a Tomcat that answers 404.
 */
public final class TomcatRunner {

    private TomcatRunner() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        ClassLoaderLogManager logs = keepLoggingUntilStopped();
        Tomcat tomcat = new Tomcat();
        Path base = Files.createDirectories(options.base());
        Files.createDirectories(base.resolve("webapps"));
        tomcat.setBaseDir(base.toString());

        Connector connector = new Connector();
        connector.setProperty("address", "127.0.0.1");
        connector.setPort(options.port());
        tomcat.setConnector(connector);

        tomcat.setAddDefaultWebXmlToWebapp(false);  // its JSP servlet: no JSP engine here
        Context context = tomcat.addWebapp("", new File(options.war()).getAbsolutePath());
        staticContent(context);
        context.addLifecycleListener(new OwbWebIntegration());

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat, logs), "tomcat-runner-stop"));
        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            log().severe("The application " + options.war() + " failed to start: see the errors above.");
            System.exit(1);
        }
        tomcat.getServer().await();
    }

    // what Tomcat's default web.xml gives a web application, less JSP
    private static void staticContent(Context context) {
        Wrapper files = Tomcat.addServlet(context, "default", DefaultServlet.class.getName());
        files.setLoadOnStartup(1);
        files.setOverridable(true);
        context.addServletMappingDecoded("/", "default");
        Tomcat.addDefaultMimeTypeMappings(context);
        context.addWelcomeFile("index.html");
    }

    /**
     * Tomcat's log manager, without its own shutdown hook: the JDK's default one closes the log handlers
     * at SIGTERM while Tomcat and the application are still stopping, and their last lines are lost.
     */
    private static ClassLoaderLogManager keepLoggingUntilStopped() {
        System.setProperty("java.util.logging.manager", ClassLoaderLogManager.class.getName());
        ClassLoaderLogManager logs = (ClassLoaderLogManager) LogManager.getLogManager();
        logs.setUseShutdownHook(false);
        return logs;
    }

    private static void stop(Tomcat tomcat, ClassLoaderLogManager logs) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            log().log(Level.WARNING, "Tomcat did not stop cleanly: " + e.getMessage(), e);
        } finally {
            logs.shutdown();
        }
    }

    private static Logger log() {
        return Logger.getLogger(TomcatRunner.class.getName());
    }

    /** The command line: --port N --war FILE [--base DIR]. */
    record Options(int port, String war, Path base) {

        static Options parse(String[] args) {
            Integer port = null;
            String war = null;
            Path base = Path.of("target", "tomcat");
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--port" -> port = Integer.valueOf(args[i + 1]);
                    case "--war" -> war = args[i + 1];
                    case "--base" -> base = Path.of(args[i + 1]);
                    default -> throw usage("unknown option " + args[i]);
                }
            }
            if (port == null || war == null || args.length % 2 != 0) {
                throw usage("--port and --war are required");
            }
            return new Options(port, war, base);
        }

        private static IllegalArgumentException usage(String problem) {
            return new IllegalArgumentException(problem
                    + ". Usage: java -jar dysession-tomcat-runner.jar --port N --war FILE [--base DIR]");
        }
    }
}
