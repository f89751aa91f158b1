package io.dysession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.inject.se.SeContainer;

import org.junit.jupiter.api.Test;

import io.dysession.beans.Cart;
import io.dysession.beans.Greeter;
import io.dysession.beans.Preferences;
import io.dysession.test.Containers;
import io.dysession.test.DynamoDbEmulator;
import io.dysession.test.Items;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class InspectCommandTest {

    // Well-formed ids, as the library makes them: 43 base64url characters.
    private static final String ID = "q1Zk8TqSg0xXyn5gH1fXk2m2V6aB3cD4eF5gH6iJ7kA";
    private static final String OTHER_ID = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void printsTheStoredBeansAsPrettyJsonWithIsoTimes() {
        String table = Cli.uniqueTable("inspect");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        DynamoDbEmulator.client().putItem(b -> b.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS(Items.digest(ID)),
                "created", AttributeValue.fromN("1767225600000"),
                "accessed", AttributeValue.fromN("1767227400500"),
                "ttl", AttributeValue.fromN("4102444800"),
                "ver", AttributeValue.fromN("3"),
                "beans", AttributeValue.fromM(Map.of(
                        "com.example.Cart", AttributeValue.fromB(gzip("{\"items\":[\"book\",\"pen\"],\"total\":{}}")),
                        "com.example.Preferences", AttributeValue.fromS("{\"language\":\"fr\",\"tags\":[]}"))))));

        Cli.Run run = Cli.run(Cli.args("inspect", table, ID));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "{",
                "  \"table\": \"" + table + "\",",
                "  \"key\": \"" + Items.digest(ID) + "\",",
                "  \"created\": \"2026-01-01T00:00:00Z\",",
                "  \"accessed\": \"2026-01-01T00:30:00.500Z\",",
                "  \"expires\": \"2100-01-01T00:00:00Z\",",
                "  \"expired\": false,",
                "  \"version\": 3,",
                "  \"beans\": {",
                "    \"com.example.Cart\": {",
                "      \"items\": [",
                "        \"book\",",
                "        \"pen\"",
                "      ],",
                "      \"total\": {}",
                "    },",
                "    \"com.example.Preferences\": {",
                "      \"language\": \"fr\",",
                "      \"tags\": []",
                "    }",
                "  }",
                "}",
                ""), run.out().replace("\r\n", "\n"));
        assertFalse(run.out().contains(ID), "the raw id is never printed");
    }

    @Test
    void printsASessionTheLibraryWroteIncludingACompressedBean() {
        String table = Cli.uniqueTable("inspect-library");
        TestConfig.use(table, Map.of("dysession.compression-threshold", "100"));
        String id;
        try (SeContainer container = Containers.start(Cart.class, Preferences.class, Greeter.class)) {
            Cart cart = container.select(Cart.class).get();
            Preferences preferences = container.select(Preferences.class).get();
            id = new Requests(container.getBeanManager()).send(null, () -> {
                for (int i = 0; i < 20; i++) {
                    cart.add("tea-" + i);
                }
                preferences.setLanguage("fr");
            }).setCookie();
        }
        assertNotNull(id);
        Map<String, AttributeValue> beans = new Items(table).of(id).get("beans").m();
        assertNotNull(beans.get(Cart.class.getName()).b(), "the cart is stored gzip-compressed");
        assertNotNull(beans.get(Preferences.class.getName()).s(), "the preferences are stored as text");

        Cli.Run run = Cli.run(Cli.args("inspect", table, id));
        assertEquals(0, run.exitCode(), run::toString);
        String out = run.out().replace("\r\n", "\n");
        assertTrue(out.contains("    \"io.dysession.beans.Cart\": {\n      \"items\": [\n        \"tea-0\",\n"),
                run::toString);
        assertTrue(out.contains("        \"tea-19\"\n      ]\n    }"), run::toString);
        assertTrue(out.contains("    \"io.dysession.beans.Preferences\": {\n      \"language\": \"fr\"\n    }"),
                run::toString);
        assertTrue(out.contains("  \"expired\": false,"), run::toString);
    }

    @Test
    void readsTheIdFromStandardInputAndAppliesTheKeyPrefix() {
        String table = Cli.uniqueTable("inspect-stdin");
        // no TTL: a store with TTL enabled may delete this expired item by itself sooner or later
        Tables.create(table, "PK", null);
        DynamoDbEmulator.client().putItem(b -> b.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS("session#" + Items.digest(ID)),
                "created", AttributeValue.fromN("1767225600000"),
                "accessed", AttributeValue.fromN("1767225600000"),
                "ttl", AttributeValue.fromN("1767227400"),
                "ver", AttributeValue.fromN("1"),
                "beans", AttributeValue.fromM(Map.of("com.example.Cart", AttributeValue.fromS("{}"))))));

        Cli.Run run = Cli.run(Cli.localEnvironment(), ID + "\n", Cli.args("inspect", table, "-", "--key-prefix",
                "session#"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\"key\": \"session#" + Items.digest(ID) + "\""), run::toString);
        assertTrue(run.out().contains("\"expired\": true"), run::toString);
        assertTrue(run.out().contains("\"com.example.Cart\": {}"), run::toString);
    }

    @Test
    void anUnknownIdIsAFailureThatNamesTheTableNotTheId() {
        String table = Cli.uniqueTable("inspect-unknown");
        assertEquals(0, Cli.run(Cli.args("init", table)).exitCode());
        Cli.Run run = Cli.run(Cli.args("inspect", table, OTHER_ID));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no session with that id in DynamoDB table '" + table + "' (region us-east-1, "
                + "endpoint " + DynamoDbEmulator.endpoint() + ")"), run::toString);
        assertFalse(run.err().contains(OTHER_ID), run::toString);
    }

    @Test
    void aMissingTableIsAFailure() {
        String table = Cli.uniqueTable("inspect-missing");
        Cli.Run run = Cli.run(Cli.args("inspect", table, ID));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("DynamoDB table '" + table + "' (region us-east-1, endpoint "
                + DynamoDbEmulator.endpoint() + ") does not exist."), run::toString);
    }

    private static SdkBytes gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(bytes.toByteArray());
    }
}
