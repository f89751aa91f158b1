package io.dysession.internal.config;

/** The values of {@code dysession.concurrency}: how concurrent writes to one session combine. */
public enum ConcurrencyMode {
    /** each request's changed beans go on top of what others wrote meanwhile */
    MERGE,
    /** a changed bean's write fails when another request wrote that bean since it was loaded */
    STRICT
}
