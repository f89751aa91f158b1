package io.dysession.internal.cli;

/**
 * A command could not do its job (exit code 1); the message names table, region and endpoint
 * and says what to do.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
