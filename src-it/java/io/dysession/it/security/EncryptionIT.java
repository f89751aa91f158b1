package io.dysession.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dysession.it.support.BuildEnvironment;
import io.dysession.it.support.PayaraMicroProcess;
import io.dysession.it.support.ServerPair;
import io.dysession.it.support.SetCookie;
import io.dysession.it.support.TestWar;
import io.dysession.test.DynamoDbEmulator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * dysession.encryption.keys on two Payara Micro instances, through a key rotation: nothing of the
 * state is readable in the table, each server reads what the other wrote, a server with new,old
 * reads what old sealed, the command-line tool's rekey moves every item to the new key so that a
 * server with the new key alone reads them all, and a server without a value's key resets that
 * bean with a 200, never a 5xx.
 */
@ExtendWith(BuildEnvironment.class)
class EncryptionIT {

    private static final String APP = "encryption";
    private static final String TABLE = "dysession-it-encryption";
    private static final String OLD = "old:" + key(1);
    private static final String NEW = "new:" + key(2);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void stateStaysSealedThroughAKeyRotationAndRekey() throws Exception {
        Map<String, String> notes = new LinkedHashMap<>();
        try (ServerPair old = ServerPair.start(APP, TestWar.create(APP, TABLE), "plain", keys(OLD), keys(OLD))) {
            for (int n = 1; n <= 5; n++) {
                PayaraMicroProcess writer = n % 2 == 1 ? old.a() : old.b();
                PayaraMicroProcess reader = n % 2 == 1 ? old.b() : old.a();
                String text = "marker-" + n + "-e2c4";
                String cookie = write(writer, null, text);
                notes.put(cookie, text);
                assertEquals(text, read(reader, cookie), "written on " + writer.name() + ", read on " + reader.name());
            }
            List<Map<String, AttributeValue>> items = scan();
            assertEquals(5, items.size());
            for (Map<String, AttributeValue> item : items) {
                String shown = readable(item);
                assertFalse(shown.contains("marker") || shown.contains("e2c4"), () -> "readable in the table: " + shown);
                assertEquals(List.of("old"), keyIds(item), "every value sealed under old");
            }
        }

        List<String> cookies = new ArrayList<>(notes.keySet());
        try (ServerPair rotated = ServerPair.start(APP, TestWar.create(APP, TABLE), "plain", keys(NEW + "," + OLD),
                keys(NEW))) {
            PayaraMicroProcess both = rotated.a();
            PayaraMicroProcess newOnly = rotated.b();
            assertEquals(notes.get(cookies.get(0)), read(both, cookies.get(0)), "new,old reads what old sealed");

            HttpResponse<String> reset = get(newOnly, cookies.get(1));
            assertEquals(200, reset.statusCode(), () -> "a value whose key was removed: " + reset.body());
            assertEquals("", reset.body(), "the bean starts fresh");
            notes.put(cookies.get(1), "");

            write(both, cookies.get(2), "marker-3b-e2c4");
            notes.put(cookies.get(2), "marker-3b-e2c4");
            assertEquals(List.of("new"), keyIds(itemOf(cookies.get(2))), "written under the active key");
            assertEquals("marker-3b-e2c4", read(newOnly, cookies.get(2)));

            String output = rekey(NEW + "," + OLD);
            // sessions 1, 4 and 5 were all old; 2 was reset and 3 rewritten under new
            assertTrue(output.contains("rekeyed 3 sessions under key 'new' of 5 scanned"), output);
            assertTrue(output.contains("already current: 2 (no write)"), output);
            for (Map<String, AttributeValue> item : scan()) {
                assertEquals(List.of("new"), keyIds(item), () -> "after rekey every value is under new: " + output);
            }
            for (String cookie : cookies) {
                assertEquals(notes.get(cookie), read(newOnly, cookie), "the new key alone reads every item after rekey");
            }
        }
    }

    private static List<String> keys(String list) {
        return List.of("-Ddysession.encryption.keys=" + list);
    }

    // POST /note, then the redirect's cookie: the session's, or the one it already had
    private String write(PayaraMicroProcess server, String cookie, String text) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.app().resolve("note"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=" + text));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode(), () -> server.name() + ": " + response.body() + "\n" + server.tail());
        if (cookie != null) {
            return cookie;
        }
        SetCookie set = SetCookie.parse(response.headers().firstValue("Set-Cookie").orElseThrow());
        return set.name() + "=" + set.value();
    }

    private String read(PayaraMicroProcess server, String cookie) throws Exception {
        HttpResponse<String> response = get(server, cookie);
        assertEquals(200, response.statusCode(), () -> server.name() + ": " + response.body() + "\n" + server.tail());
        return response.body();
    }

    private HttpResponse<String> get(PayaraMicroProcess server, String cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.app().resolve("note")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The command-line tool's rekey, run from its jar as an operator would; its output. */
    private static String rekey(String keys) throws Exception {
        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(file -> file.getFileName().toString().endsWith("-cli.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-cli.jar in " + target + ": run mvn verify"));
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "rekey").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DYSESSION_TABLE_NAME", TABLE);
        env.put("DYSESSION_DYNAMODB_ENDPOINT", DynamoDbEmulator.endpoint());
        env.put("DYSESSION_DYNAMODB_REGION", "us-east-1");
        env.put("DYSESSION_ENCRYPTION_KEYS", keys);
        env.put("AWS_ACCESS_KEY_ID", "dummy");
        env.put("AWS_SECRET_ACCESS_KEY", "dummy");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "rekey ends");
        assertEquals(0, process.exitValue(), () -> "rekey: " + output);
        assertFalse(output.contains(key(1)) || output.contains(key(2)), "no key material in the output");
        System.out.println("MEASURED rekey: " + output.strip().replace('\n', ' '));
        return output;
    }

    private static List<Map<String, AttributeValue>> scan() {
        return DynamoDbEmulator.client().scan(b -> b.tableName(TABLE).consistentRead(true)).items();
    }

    private static Map<String, AttributeValue> itemOf(String cookie) {
        String id = cookie.substring(cookie.indexOf('=') + 1);
        return scan().stream().filter(item -> item.get("PK").s().equals(io.dysession.test.Items.digest(id)))
                .findFirst().orElseThrow();
    }

    // The key ids of the item's bean values, once each
    private static List<String> keyIds(Map<String, AttributeValue> item) {
        return item.get("beans").m().values().stream().map(value -> {
            byte[] sealed = value.b() == null ? new byte[0] : value.b().asByteArray();
            return sealed.length > 2 && sealed[0] == 1 ? new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII)
                    : "(plain)";
        }).distinct().toList();
    }

    // Every string and every binary value of the item, as text
    private static String readable(Map<String, AttributeValue> item) {
        StringBuilder text = new StringBuilder(item.toString());
        item.get("beans").m().values().forEach(value -> text.append(value.s() != null ? value.s()
                : new String(value.b().asByteArray(), StandardCharsets.ISO_8859_1)));
        return text.toString();
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 29 + i * 3);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
