package io.dysession.internal.config;

/** The values of {@code dysession.concurrency}: how concurrent requests of one session combine. */
public enum ConcurrencyMode {
    /** a refused write is merged by JSON property; at a path both changed, the later value wins (counted) */
    MERGE,
    /** as merge, but a path both changed fails the later request with 409 */
    STRICT,
    /** requests that use session beans run one at a time across servers, under a lease lock in the item */
    SERIALIZED
}
