package io.dysession.internal.merge;

import java.util.List;

/**
 * What {@link JsonMerge#merge(String, String, String)} made of one bean's JSON.
 *
 * <pre>
 * Merged merged = JsonMerge.merge(loaded, toWrite, stored);
 * if (merged.conflicted()) {
 *     log.info("overwrote " + merged.conflicts());   // paths only, never values
 * }
 * write(merged.json());
 * </pre>
 *
 * @param json the merged JSON text, compact; {@code null} only when the bean stays absent: the other
 *        side removed it and this request did not change it
 * @param conflicts the JSON Pointer paths (RFC 6901: {@code "/count"}, {@code "/address/city"},
 *        {@code ""} for the whole bean) that both sides changed, in document order; at each of them
 *        {@code json} holds this request's value
 */
public record Merged(String json, List<String> conflicts) {

    public Merged {
        conflicts = List.copyOf(conflicts);
    }

    /** Whether both sides changed at least one path, so that this request's value overwrote the other's. */
    public boolean conflicted() {
        return !conflicts.isEmpty();
    }
}
