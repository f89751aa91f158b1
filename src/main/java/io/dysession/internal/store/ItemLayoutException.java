package io.dysession.internal.store;

/**
 * A stored item does not fit the session item layout: an attribute is missing or of the wrong
 * type. Such an item is never a session (and never a store failure).
 */
final class ItemLayoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ItemLayoutException(String attribute, String problem) {
        super("attribute '" + attribute + "' " + problem);
    }
}
