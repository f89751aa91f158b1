package io.dysession;

import java.util.Set;

/**
 * With {@code dysession.concurrency=strict}: another request of the same session changed a bean
 * that this request also changed, after this request loaded it. Nothing of this request's session
 * changes was written. When it reaches the dysession filter before the response commits, the
 * client gets {@code 409 Conflict} and may retry the request.
 */
public class DySessionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Set<String> beans;

    public DySessionConflictException(String message, Set<String> beans) {
        super(message);
        this.beans = Set.copyOf(beans);
    }

    /** The bean classes (fully qualified names) whose stored state moved under this request. */
    public Set<String> beans() {
        return beans;
    }
}
