package io.dysession.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails an integration test class, before Arquillian starts anything, when the build did not
 * provide what the tests need: the DynamoDB emulator's endpoint and the Payara Micro jar. Also creates
 * {@code dysession.it.dir} (target/it), where the Payara Micro instances put their log files and
 * root directories and the connector its exported WARs. Register it ahead of the ArquillianExtension.
 */
public final class BuildEnvironment implements BeforeAllCallback {

    public static final String ENDPOINT_PROPERTY = "dysession.test.endpoint";
    static final String PAYARA_MICRO_JAR_PROPERTY = "payara.microJar";

    @Override
    public void beforeAll(ExtensionContext context) {
        dynamoDbEndpoint();
        require(PAYARA_MICRO_JAR_PROPERTY);
        try {
            Files.createDirectories(Path.of(System.getProperty("dysession.it.dir", "target/it")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint of the DynamoDB emulator that the build started. */
    static String dynamoDbEndpoint() {
        return require(ENDPOINT_PROPERTY);
    }

    private static String require(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: the integration"
                    + " tests need the DynamoDB emulator and the Payara Micro jar that the build provides."
                    + " Run `mvn verify` (only the integration tests:"
                    + " `mvn verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false`).");
        }
        return value;
    }
}
