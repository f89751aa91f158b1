package io.dysession.test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deployment that must fail reports, the same way on either container: Weld's exception
 * lists every problem ("Exception List with 2 exceptions: ..."); OpenWebBeans' says only "Look at
 * logs for further details" and logs each problem at SEVERE, which is where a TomEE user reads them.
 *
 * @param message   the exception's message, then each problem the container logged, one a line
 * @param problems  how many problems the container reported
 */
public record DeploymentFailure(String message, int problems) {

    private static final Pattern WELD_LIST = Pattern.compile("^Exception List with (\\d+) exceptions:");

    /** Starts a container with {@code beanClasses} (as {@link Containers#start}) and says how it failed. */
    public static DeploymentFailure of(Class<?>... beanClasses) {
        Logger owb = Logger.getLogger("org.apache.webbeans");
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue() && record.getMessage() != null) {
                    logged.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        owb.addHandler(handler);
        try {
            Containers.start(beanClasses).close();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!logged.isEmpty()) {
                return new DeploymentFailure(message + "\n" + String.join("\n", logged), logged.size());
            }
            Matcher list = WELD_LIST.matcher(message);
            return new DeploymentFailure(message, list.find() ? Integer.parseInt(list.group(1)) : 1);
        } finally {
            owb.removeHandler(handler);
        }
        throw new AssertionError("the deployment did not fail");
    }
}
