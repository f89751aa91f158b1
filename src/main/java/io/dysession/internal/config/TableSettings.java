package io.dysession.internal.config;

import java.util.Optional;

/**
 * The session table and how session items are written to it.
 *
 * @param name                  DynamoDB table holding one item per session
 * @param partitionKey          name of the table's partition key attribute (type S)
 * @param keyPrefix             prefix written before the id digest in the partition key
 * @param sortKey               name of the table's sort key attribute, when the table has one
 * @param sortKeyValue          constant sort key value of session items
 * @param ttlAttribute          name of the attribute holding expiry in epoch seconds
 * @param autoCreate            create the table at deployment when it is missing
 * @param compressionThreshold  JSON larger than this many bytes is stored gzip-compressed
 * @param callerIndex           the sparse global secondary index of logged-in sessions by caller digest
 */
public record TableSettings(String name, String partitionKey, String keyPrefix, Optional<String> sortKey,
                            String sortKeyValue, String ttlAttribute, boolean autoCreate, int compressionThreshold,
                            String callerIndex) {
}
