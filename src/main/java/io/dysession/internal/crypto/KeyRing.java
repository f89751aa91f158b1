package io.dysession.internal.crypto;

import java.util.List;
import java.util.Optional;

/**
 * Where the keys that seal session state come from. {@link StaticKeyRing} holds keys given in the
 * configuration; an envelope-encryption ring (data keys from AWS KMS, decrypted and cached) can
 * implement the same three methods without any change to the item code.
 */
public interface KeyRing {

    /** The key new values are sealed under. */
    DataKey active();

    /** The key with this id, to open a value sealed under it; empty when the ring does not have it. */
    Optional<DataKey> find(String id);

    /** The ids of every key the ring has, the active one first. */
    List<String> ids();
}
