package io.dysession.internal.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

import io.dysession.internal.context.SessionId;
import io.dysession.internal.store.SessionKeys;
import io.dysession.internal.store.StoredSession;
import io.dysession.internal.store.StoredSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inspect}: one session's stored beans and times, as JSON, for support cases. */
@Command(name = "inspect",
        description = {"Print one session's stored beans as JSON, for support cases.",
                "%nPrints the session as stored: its beans as pretty JSON (gzip-compressed ones decoded) and its "
                        + "created, accessed and expiry times in ISO-8601. The id is digested as the library does "
                        + "it (key prefix + base64url(SHA-256(id))); only the digest is looked up and shown. "
                        + "Encrypted values are decrypted with the keys in DYSESSION_ENCRYPTION_KEYS; beans whose "
                        + "value does not decrypt (or is encrypted while that is not set) are listed under "
                        + "\"unreadable\", with a note on standard error."})
final class InspectCommand extends TableCommand {

    @Parameters(paramLabel = "SESSION-ID", description = "the session id (the DYSESSION cookie value), or - to read "
            + "it from standard input and keep it out of the shell history")
    private String id;

    private String sessionId;

    @Override
    void checkArguments() {
        String given = "-".equals(id) ? readLine() : id;
        if (given == null || !SessionId.isWellFormed(given.strip())) {
            throw usageError("SESSION-ID is not a dysession session id: expected "
                    + "the 43 base64url characters of the DYSESSION cookie.");
        }
        sessionId = given.strip();
    }

    @Override
    void run(SessionTable table) {
        table.requireConfiguredKeys();
        StoredSession session = StoredSessions.forTools(table.calls(), table.settings().table(),
                table.settings().encryption()).find(sessionId)
                .orElseThrow(() -> new CommandFailure("no session with that id in DynamoDB " + table.location()
                        + " (no item with partition key '"
                        + new SessionKeys(table.settings().table().keyPrefix()).ofId(sessionId).value() + "')."));
        out().println(PrettyJson.indent(json(session, table.layout().table())));
        if (!session.unreadable().isEmpty()) {
            err().println("inspect: " + session.unreadable().size() + " bean value(s) of this session do not "
                    + "decrypt or decode, so they are listed under \"unreadable\" without their state: "
                    + String.join(", ", new TreeSet<>(session.unreadable())) + ". "
                    + (table.settings().encryption().enabled() ? "Their key id is not in DYSESSION_ENCRYPTION_KEYS, "
                    + "or the value was altered" : "They are encrypted, and DYSESSION_ENCRYPTION_KEYS is not set")
                    + "; 'dysession describe --keys' shows the key ids in use.");
        }
    }

    private static String json(StoredSession session, String table) {
        StringJoiner beans = new StringJoiner(",", "{", "}");
        new TreeMap<>(session.beans()).forEach((bean, state) -> beans.add(PrettyJson.quote(bean) + ":" + state));
        StringJoiner json = new StringJoiner(",", "{", "}");
        json.add(field("table", PrettyJson.quote(table)));
        json.add(field("key", PrettyJson.quote(session.key().value())));
        json.add(field("created", PrettyJson.quote(Instant.ofEpochMilli(session.created()).toString())));
        json.add(field("accessed", PrettyJson.quote(Instant.ofEpochMilli(session.accessed()).toString())));
        json.add(field("expires", PrettyJson.quote(Instant.ofEpochSecond(session.expires()).toString())));
        // The TTL attribute's verdict: the tool does not know the application's maximum lifetime.
        json.add(field("expired", Boolean.toString(session.expires() * 1000 <= System.currentTimeMillis())));
        if (session.timeout() > 0) {
            json.add(field("timeout", PrettyJson.quote(Duration.ofSeconds(session.timeout()).toString())));
        }
        json.add(field("version", Long.toString(session.version())));
        json.add(field("beans", beans.toString()));
        if (!session.unreadable().isEmpty()) {
            StringJoiner unreadable = new StringJoiner(",", "[", "]");
            new TreeSet<>(session.unreadable()).forEach(bean -> unreadable.add(PrettyJson.quote(bean)));
            json.add(field("unreadable", unreadable.toString()));
        }
        return json.toString();
    }

    private static String field(String name, String value) {
        return PrettyJson.quote(name) + ":" + value;
    }
}
