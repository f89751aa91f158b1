package io.dysession.internal.store;

import java.util.List;

/**
 * The login a session holds: who authenticated, with which groups, from which client, and when.
 * Nothing secret: no password, no token.
 *
 * @param caller  the caller principal's name
 * @param groups  the caller's groups at login time
 * @param client  the {@code User-Agent} that logged in, truncated; empty when the client sent none
 * @param at      when the login happened, epoch milliseconds
 */
public record SessionLogin(String caller, List<String> groups, String client, long at) {

    /** The longest client description kept. */
    public static final int CLIENT_LENGTH = 200;

    public SessionLogin {
        groups = List.copyOf(groups);
        client = client == null ? "" : client.length() > CLIENT_LENGTH ? client.substring(0, CLIENT_LENGTH) : client;
    }

    @Override
    public String toString() {
        return "SessionLogin[caller=" + caller + ", groups=" + groups + "]";
    }
}
