package io.dysession.internal.config;

/**
 * The values of {@code dysession.on-incompatible-state}: what to do with stored state that no
 * longer fits its class.
 */
public enum IncompatibleStatePolicy {
    /** the bean starts fresh and a warning is logged */
    RESET,
    /** the request fails */
    FAIL
}
