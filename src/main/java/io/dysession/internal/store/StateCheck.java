package io.dysession.internal.store;

/**
 * What the store asks of the codec, which it does not know, when it merges a bean's JSON with what
 * another request wrote.
 */
public interface StateCheck {

    /** Whether merged JSON still reads back into its bean's class: JSON that does not fit makes the whole bean a conflict. */
    boolean fits(String bean, String json);

    /**
     * The JSON this server writes for the state held in {@code json}, which another server may have
     * written with another JSON-B provider (Johnzon writes {@code "03:04"} where Yasson writes
     * {@code "03:04:00"}); {@code json} itself when it does not read, or is null. The merge compares
     * values as JSON text, so it compares this server's spellings.
     */
    String respell(String bean, String json);
}
