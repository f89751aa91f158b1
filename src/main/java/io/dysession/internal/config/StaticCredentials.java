package io.dysession.internal.config;

/**
 * An access key configured with {@code dysession.dynamodb.access-key-id} and
 * {@code dysession.dynamodb.secret-access-key}; its string form never shows the secret.
 */
public record StaticCredentials(String accessKeyId, String secretAccessKey) {

    @Override
    public String toString() {
        return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
