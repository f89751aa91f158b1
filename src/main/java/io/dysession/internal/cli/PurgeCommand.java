package io.dysession.internal.cli;

import java.io.PrintWriter;
import java.time.Instant;

import io.dysession.internal.admin.ExpiredSessionPurge;
import io.dysession.internal.admin.ExpiredSessionPurge.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code purge}: deletes expired sessions with a parallel scan, for stores where TTL does not. */
@Command(name = "purge",
        description = {"Delete expired sessions now (for stores without TTL).",
                "%nScans the table in parallel segments for sessions whose TTL attribute is at or before now and "
                        + "deletes each with a conditional delete, so that a session used meanwhile survives. Meant "
                        + "for emulators (moto) and compatible stores without TTL; on DynamoDB, TTL deletes expired "
                        + "sessions at no cost within about two days (dysession never serves one meanwhile). "
                        + "Progress goes to standard error, the final count to standard output."})
final class PurgeCommand extends TableCommand {

    private static final int MAX_SEGMENTS = 64;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "4", description = "parallel scan segments, one "
            + "thread each, 1 to " + MAX_SEGMENTS + " (default: ${DEFAULT-VALUE})")
    private int segments;

    @Option(names = "--dry-run", description = "count the expired sessions, delete nothing")
    private boolean dryRun;

    @Override
    void checkArguments() {
        if (segments < 1 || segments > MAX_SEGMENTS) {
            throw usageError("--segments must be between 1 and " + MAX_SEGMENTS
                    + ", not " + segments + ".");
        }
    }

    @Override
    void run(SessionTable table) {
        table.requireConfiguredKeys();
        ExpiredSessionPurge purge = new ExpiredSessionPurge(table.calls(), table.layout(),
                table.settings().table().keyPrefix());
        Counts counts = purge.run(Instant.now().getEpochSecond(), segments, dryRun,
                new ProgressLine<Counts>(err(), sofar -> progress(sofar, dryRun)));
        PrintWriter out = out();
        if (dryRun) {
            out.println("dry run: " + counts.expired() + " expired sessions of " + counts.scanned()
                    + " scanned would be purged; nothing was deleted");
        } else {
            out.println("purged " + counts.deleted() + " expired sessions of " + counts.scanned() + " scanned"
                    + (counts.skipped() > 0 ? " (" + counts.skipped() + " skipped: used or deleted meanwhile)"
                    : ""));
        }
    }

    private static String progress(Counts counts, boolean dryRun) {
        return "purge: scanned " + counts.scanned() + " items, " + counts.expired() + " expired"
                + (dryRun ? "" : ", " + counts.deleted() + " deleted");
    }
}
