package io.dysession.internal.dynamodb;

/**
 * Where the store lives, for error messages: table, region and endpoint.
 */
public record StoreLocation(String table, String region, String endpoint) {

    @Override
    public String toString() {
        return "table '" + table + "' (region " + region + ", endpoint " + endpoint + ")";
    }
}
