package io.dysession.internal.store;

/**
 * What a conditional write found.
 *
 * @param kind    written, the item is gone, or it changed since it was read
 * @param current for CHANGED, the item as it is now (returned by DynamoDB with the failed condition)
 */
record WriteOutcome(Kind kind, StoredSession current) {

    static final WriteOutcome WRITTEN = new WriteOutcome(Kind.WRITTEN, null);
    static final WriteOutcome GONE = new WriteOutcome(Kind.GONE, null);

    /** The three ways a conditional write ends. */
    enum Kind {
        WRITTEN, GONE, CHANGED
    }
}
