package io.dysession.internal.merge;

/** JSON Pointer paths (RFC 6901) of object members. */
final class JsonPointers {

    /** The pointer to the whole document. */
    static final String ROOT = "";

    private JsonPointers() {
    }

    static String member(String parent, String name) {
        // "~" first: escaping "/" to "~1" first would turn its "~" into "~01"
        return parent + '/' + name.replace("~", "~0").replace("/", "~1");
    }
}
