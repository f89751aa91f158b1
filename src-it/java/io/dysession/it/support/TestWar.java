package io.dysession.it.support;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import io.dysession.it.app.Counter;

/**
 * The WARs the integration tests deploy: the library jar and its runtime dependencies in
 * {@code WEB-INF/lib}, exactly as a user ships them, plus the small app in {@code io.dysession.it.app},
 * configured for the DynamoDB emulator that the build started.
 */
public final class TestWar {

    private static final String BEANS_XML = String.join("\n",
            "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"",
            "       xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "       xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee"
                    + " https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd\"",
            "       version=\"4.0\" bean-discovery-mode=\"annotated\">",
            "</beans>",
            "");

    private static File[] runtimeLibraries;

    private TestWar() {
    }

    /**
     * A WAR named {@code name}.war (so its context path is {@code /name}) whose sessions live in
     * {@code table}, created at deployment if missing.
     */
    public static WebArchive create(String name, String table) {
        return create(name, BuildEnvironment.dynamoDbEndpoint(), table, true);
    }

    /**
     * Like {@link #create(String, String)}, with more lines ({@code key=value}) appended to the
     * WAR's {@code META-INF/microprofile-config.properties}.
     */
    public static WebArchive create(String name, String table, List<String> extraConfig) {
        return create(name, BuildEnvironment.dynamoDbEndpoint(), table, true, extraConfig);
    }

    /** A WAR whose sessions live in {@code table} at {@code endpoint}. */
    public static WebArchive create(String name, String endpoint, String table, boolean autoCreate) {
        return create(name, endpoint, table, autoCreate, List.of());
    }

    /** A WAR whose sessions live in {@code table} at {@code endpoint}, with more configuration lines. */
    public static WebArchive create(String name, String endpoint, String table, boolean autoCreate,
            List<String> extraConfig) {
        List<String> lines = new ArrayList<>(List.of(
                "dysession.dynamodb.endpoint=" + endpoint,
                "dysession.dynamodb.region=us-east-1",
                "dysession.table.name=" + table,
                "dysession.table.auto-create=" + autoCreate,
                // The emulator answers one call at a time: under the load tests' 32 concurrent requests on
                // a busy 2-core machine a call can wait seconds for its turn, which DynamoDB never makes it
                // do. Generous limits here; tests of the limits themselves set them (later lines win).
                "dysession.dynamodb.call-timeout=PT30S",
                "dysession.dynamodb.attempt-timeout=PT15S"));
        lines.addAll(extraConfig);
        lines.add("");
        String config = String.join("\n", lines);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(Counter.class.getPackage())
                .addAsLibrary(libraryJar())
                .addAsLibraries(runtimeLibraries())
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    /**
     * The base URI of a deployed app ({@code http://127.0.0.1:port/name/}): Payara Micro reports its
     * host as localhost, but it listens on 127.0.0.1 only.
     */
    public static URI baseUri(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        return URI.create("http://127.0.0.1:" + deployed.getPort() + path);
    }

    private static JavaArchive libraryJar() {
        Path classes = baseDir().resolve("target/classes");
        if (!Files.isRegularFile(classes.resolve("io/dysession/DySessionScoped.class"))) {
            throw new IllegalStateException("The library is not compiled in " + classes + ": run `mvn verify`.");
        }
        return ShrinkWrap.create(ExplodedImporter.class, "dysession.jar")
                .importDirectory(classes.toFile())
                .as(JavaArchive.class);
    }

    /** The AWS SDK and the rest of the library's compile and runtime dependencies, from the local repository. */
    private static synchronized File[] runtimeLibraries() {
        if (runtimeLibraries == null) {
            runtimeLibraries = Maven.configureResolver()
                    .workOffline()
                    .loadPomFromFile(baseDir().resolve("pom.xml").toFile())
                    .importCompileAndRuntimeDependencies()
                    .resolve()
                    .withTransitivity()
                    .asFile();
        }
        return runtimeLibraries;
    }

    private static Path baseDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }
}
