package io.dysession.internal.crypto;

/** A stored value that does not open: unknown key id, failed tag, truncated, or not sealed where it must be. */
public final class UndecryptableValueException extends Exception {

    private final String keyId;

    public UndecryptableValueException(String keyId, String reason) {
        super(reason);
        this.keyId = keyId;
    }

    /** The key id the value names; "(none)" for a value that names none. */
    public String keyId() {
        return keyId;
    }
}
