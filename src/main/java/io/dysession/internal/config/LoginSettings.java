package io.dysession.internal.config;

import java.util.OptionalInt;

/**
 * Logins kept with the session ({@code @DySessionLogin}): how many sessions one caller may have.
 *
 * @param maxSessions    most sessions one caller may be logged in with; empty for no limit
 * @param onMaxSessions  what a login beyond that limit does
 */
public record LoginSettings(OptionalInt maxSessions, OnMaxSessions onMaxSessions) {

    /** What a login beyond {@code dysession.login.max-sessions} does. */
    public enum OnMaxSessions {
        /** the least recently used session of that caller ends */
        END_OLDEST,
        /** the new login is refused */
        REFUSE
    }
}
