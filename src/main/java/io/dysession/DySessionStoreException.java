package io.dysession;

/**
 * DynamoDB could not be used for the session store: the table is missing, the endpoint is
 * unreachable, or a request was refused. The message names the table, region and endpoint.
 * When it reaches the dysession filter before the response is committed, the client gets
 * {@code 503 Service Unavailable}; nothing of the request's session changes is half-written.
 */
public class DySessionStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DySessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
