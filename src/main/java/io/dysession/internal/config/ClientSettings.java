package io.dysession.internal.config;

import java.net.URI;
import java.util.Optional;

/**
 * How dysession's DynamoDB client connects and reads.
 *
 * @param region          AWS region; empty means the SDK's default chain
 * @param endpoint        endpoint override (a local emulator, compatible stores)
 * @param consistentRead  strongly consistent GetItem
 * @param accessKey       static credentials, when configured
 */
public record ClientSettings(Optional<String> region, Optional<URI> endpoint, boolean consistentRead,
                             Optional<StaticCredentials> accessKey) {
}
