package io.dysession.internal.crypto;

/**
 * Where a sealed value belongs, bound into it as additional authenticated data: a value copied to
 * another table, item or attribute does not open.
 *
 * @param table           the table name
 * @param partitionKey    the item's partition key value
 * @param path            the attribute path: {@code beans.<bean name>} or {@code login}
 */
public record ValuePlace(String table, String partitionKey, String path) {

    /** The place of a bean's value. */
    public static ValuePlace bean(String table, String partitionKey, String bean) {
        return new ValuePlace(table, partitionKey, "beans." + bean);
    }

    /** The place of an item's login. */
    public static ValuePlace login(String table, String partitionKey) {
        return new ValuePlace(table, partitionKey, "login");
    }
}
