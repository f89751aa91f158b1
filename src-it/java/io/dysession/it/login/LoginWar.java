package io.dysession.it.login;

import java.io.File;
import java.util.List;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import io.dysession.it.login.token.TokenMechanism;
import io.dysession.it.support.TestWar;

/**
 * Writes LoginIT's application (a {@code @DySessionLogin} mechanism, {@code /me}, {@code /signout},
 * {@code @RolesAllowed} resources) to a WAR file, for tools/server-scenarios.sh to run on WildFly and
 * Open Liberty as well as Payara. The servers set the endpoint and the table with system properties.
 *
 * <p>{@code mvn test-compile exec:java -Dexec.mainClass=io.dysession.it.login.LoginWar
 * -Dexec.classpathScope=test -Dexec.args=target/servers/login.war}
 */
public final class LoginWar {

    private LoginWar() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LoginWar <war file to write>");
        }
        TestWar.create("login", "http://127.0.0.1:8000", "dysession-login", true, List.of())
                .addPackage(TokenMechanism.class.getPackage())
                .as(ZipExporter.class).exportTo(new File(args[0]), true);
    }
}
