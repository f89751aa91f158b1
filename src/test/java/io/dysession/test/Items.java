package io.dysession.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Direct access to session items in the DynamoDB emulator, computing keys independently of the library. */
public final class Items {

    private final String table;

    public Items(String table) {
        this.table = table;
    }

    /** base64url(SHA-256(id)), the key docs/how-it-works.md documents. */
    public static String digest(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The item of session {@code id}; empty when there is none. */
    public Map<String, AttributeValue> of(String id) {
        return DynamoDbEmulator.client().getItem(b -> b.tableName(table)
                .key(Map.of("PK", AttributeValue.fromS(digest(id)))).consistentRead(true)).item();
    }

    /** Sets one attribute of session {@code id}'s item, e.g. to move its expiry into the past. */
    public void set(String id, String attribute, AttributeValue value) {
        DynamoDbEmulator.client().updateItem(b -> b.tableName(table).key(Map.of("PK", AttributeValue.fromS(digest(id))))
                .updateExpression("SET #a = :v").expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":v", value)));
    }

    /** Sets the stored JSON of one bean of session {@code id}. */
    public void setBean(String id, Class<?> beanClass, String json) {
        setBean(id, beanClass.getName(), json);
    }

    /** Sets the stored JSON under one key of session {@code id}'s {@code beans} map. */
    public void setBean(String id, String key, String json) {
        DynamoDbEmulator.client().updateItem(b -> b.tableName(table).key(Map.of("PK", AttributeValue.fromS(digest(id))))
                .updateExpression("SET #beans.#bean = :json")
                .expressionAttributeNames(Map.of("#beans", "beans", "#bean", key))
                .expressionAttributeValues(Map.of(":json", AttributeValue.fromS(json))));
    }
}
