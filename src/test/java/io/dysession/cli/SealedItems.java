package io.dysession.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import javax.crypto.spec.SecretKeySpec;

import io.dysession.internal.config.EncryptionSettings;
import io.dysession.internal.config.TableSettings;
import io.dysession.internal.crypto.DataKey;
import io.dysession.internal.crypto.SealedValues;
import io.dysession.internal.crypto.StaticKeyRing;
import io.dysession.internal.crypto.ValuePlace;
import io.dysession.internal.dynamodb.CallPath;
import io.dysession.internal.dynamodb.StoreLocation;
import io.dysession.internal.store.StoredSessions;
import io.dysession.test.DynamoDbEmulator;
import io.dysession.test.Items;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Session items with sealed values, written directly to the emulator (the format of SealedValues and LoginBytes). */
final class SealedItems {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Key id to base64 key material, fresh for each run. */
    static final Map<String, String> KEYS = Map.of("old", newKey(), "new", newKey(), "gone", newKey());

    private final String table;

    SealedItems(String table) {
        this.table = table;
    }

    /** The value of DYSESSION_ENCRYPTION_KEYS listing these ids, the first active. */
    static String keyList(String... ids) {
        List<String> entries = new ArrayList<>();
        for (String id : ids) {
            entries.add(id + ":" + KEYS.get(id));
        }
        return String.join(",", entries);
    }

    /** The emulator's settings with DYSESSION_ENCRYPTION_KEYS listing these ids (none: unset). */
    static Map<String, String> environment(String... ids) {
        Map<String, String> environment = Cli.localEnvironment();
        if (ids.length > 0) {
            environment.put("DYSESSION_ENCRYPTION_KEYS", keyList(ids));
        }
        return environment;
    }

    /** Values sealed with these keys, the first active. */
    static SealedValues sealer(String... ids) {
        List<DataKey> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(new DataKey(id, new SecretKeySpec(Base64.getDecoder().decode(KEYS.get(id)), "AES")));
        }
        return new SealedValues(new StaticKeyRing(keys, ids[0]));
    }

    /** The sessions of the table as the library reads them with only these keys, plain values refused. */
    StoredSessions reader(boolean required, String... ids) {
        TableSettings settings = new TableSettings(table, "PK", "", Optional.empty(), "session", "ttl", false, 4096,
                "caller-index");
        return StoredSessions.forTools(CallPath.forTools(DynamoDbEmulator.client(),
                new StoreLocation(table, "us-east-1", DynamoDbEmulator.endpoint())), settings,
                new EncryptionSettings(Optional.of(sealer(ids).keys()), required));
    }

    /** A bean value: JSON sealed under {@code id} for this session and bean. */
    AttributeValue bean(String id, String session, String bean, String json) {
        return sealed(id, json.getBytes(StandardCharsets.UTF_8), ValuePlace.bean(table, Items.digest(session), bean));
    }

    /** A bean value: gzip of JSON sealed under {@code id}. */
    AttributeValue gzipBean(String id, String session, String bean, String json) {
        return sealed(id, gzip(json).asByteArray(), ValuePlace.bean(table, Items.digest(session), bean));
    }

    /** A login sealed under {@code id}. */
    AttributeValue login(String id, String session, String caller) {
        return sealed(id, loginBytes(caller), ValuePlace.login(table, Items.digest(session)));
    }

    /** A plain login map. */
    static AttributeValue plainLogin(String caller) {
        return AttributeValue.fromM(Map.of("caller", AttributeValue.fromS(caller),
                "groups", AttributeValue.fromL(List.of(AttributeValue.fromS("users"))),
                "client", AttributeValue.fromS("form"), "at", AttributeValue.fromN("1767225600000")));
    }

    /** Writes session {@code id}'s item: beans, an optional login, version {@code ver}. */
    void put(String session, Map<String, AttributeValue> beans, AttributeValue login, long ver) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(Items.digest(session)));
        item.put("created", AttributeValue.fromN("1767225600000"));
        item.put("accessed", AttributeValue.fromN("1767227400000"));
        item.put("ttl", AttributeValue.fromN("4102444800"));
        item.put("ver", AttributeValue.fromN(Long.toString(ver)));
        Map<String, AttributeValue> versions = new HashMap<>();
        beans.keySet().forEach(bean -> versions.put(bean, AttributeValue.fromN(Long.toString(ver))));
        item.put("bver", AttributeValue.fromM(versions));
        item.put("beans", AttributeValue.fromM(beans));
        if (login != null) {
            item.put("login", login);
            item.put("caller", AttributeValue.fromS("caller#" + session));
        }
        DynamoDbEmulator.client().putItem(b -> b.tableName(table).item(item));
    }

    Map<String, AttributeValue> item(String session) {
        return new Items(table).of(session);
    }

    private static AttributeValue sealed(String id, byte[] plain, ValuePlace place) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(sealer(id).seal(plain, place)));
    }

    static SdkBytes gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(bytes.toByteArray());
    }

    // LoginBytes' layout: caller, group count, groups, client (4-byte length + UTF-8 each), then the time.
    private static byte[] loginBytes(String caller) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, caller);
            out.writeInt(1);
            text(out, "users");
            text(out, "form");
            out.writeLong(1767225600000L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
