package io.dysession.internal.cli;

import java.io.PrintWriter;

import io.dysession.internal.admin.SessionRekey;
import io.dysession.internal.admin.SessionRekey.Counts;
import io.dysession.internal.config.EncryptionSettings;
import io.dysession.internal.crypto.KeyRing;
import io.dysession.internal.crypto.SealedValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rekey}: re-encrypts every session's values under the active key, for key rotation. */
@Command(name = "rekey",
        description = {"Re-encrypt every session under the active encryption key (key rotation).",
                "%nScans the table for sessions and, for each one that needs it, makes one conditional UpdateItem "
                        + "that seals each bean value and the login under the active key: values sealed under "
                        + "another key are decrypted and sealed again, plain (unencrypted) values are sealed, values "
                        + "already under the active key are left alone. Values that do not decrypt (a key id not in "
                        + "DYSESSION_ENCRYPTION_KEYS, an altered value) are left as they are and counted.",
                "%nSafe against live traffic: each write is conditioned on the session's version being the one the "
                        + "scan read, and changes nothing else (versions, times and TTL stay; the JSON is the same), "
                        + "so a session changed meanwhile is skipped and counted, and running servers are not "
                        + "disturbed. Sessions already under the active key cost no write, so rekey can be run again; "
                        + "to resume where an interrupted run stopped, pass the last progress line's token to "
                        + "--resume-after.",
                "%nNeeds the keys in the environment variable DYSESSION_ENCRYPTION_KEYS (id:base64, "
                        + "comma-separated; never a flag, which would show key material in the process list and "
                        + "the shell history): the old keys to decrypt, and the active one (--active-key, else the "
                        + "first listed) to encrypt. Progress goes to standard error, the final counts to standard "
                        + "output."})
final class RekeyCommand extends TableCommand {

    private static final int MAX_SEGMENTS = 64;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "1", description = "parallel scan segments, one "
            + "thread each, 1 to " + MAX_SEGMENTS + "; with more than 1 no resume token is printed "
            + "(default: ${DEFAULT-VALUE})")
    private int segments;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "0", description = "the most items each Scan "
            + "call reads (its Limit), to spread the read capacity on a busy table; 0: DynamoDB's 1 MB pages "
            + "(default: ${DEFAULT-VALUE})")
    private int pageSize;

    @Option(names = "--resume-after", paramLabel = "TOKEN", description = "start the scan after this token, "
            + "printed with each progress line of an earlier run (one segment only)")
    private String resumeAfter;

    @Option(names = "--dry-run", description = "count the sessions that would be re-encrypted, write nothing")
    private boolean dryRun;

    @Override
    void checkArguments() {
        if (segments < 1 || segments > MAX_SEGMENTS) {
            throw usageError("--segments must be between 1 and " + MAX_SEGMENTS + ", not " + segments + ".");
        }
        if (pageSize < 0) {
            throw usageError("--page-size must be 0 or more, not " + pageSize + ".");
        }
        if (resumeAfter != null && segments > 1) {
            throw usageError("--resume-after resumes a scan of one segment: leave out --segments.");
        }
    }

    @Override
    void run(SessionTable table) {
        EncryptionSettings encryption = table.settings().encryption();
        if (!encryption.enabled()) {
            throw new CommandFailure("rekey needs the encryption keys, and DYSESSION_ENCRYPTION_KEYS is not set, so "
                    + "nothing in DynamoDB " + table.location() + " was read or changed. Set it as the servers have "
                    + "it (id:base64, comma-separated, the new key first or named by --active-key), in the "
                    + "environment only.");
        }
        table.requireConfiguredKeys();
        KeyRing keys = encryption.keys().get();
        SessionRekey rekey = new SessionRekey(table.calls(), table.layout(), table.settings().table().keyPrefix(),
                new SealedValues(keys), pageSize);
        if (resumeAfter != null) {
            try {
                rekey.checkResumeToken(resumeAfter);
            } catch (IllegalArgumentException e) {
                throw usageError("--resume-after: " + e.getMessage() + ".");
            }
        }
        Counts counts = rekey.run(segments, resumeAfter, dryRun, new ProgressLine<Counts>(err(), sofar -> progress(sofar, dryRun)));
        PrintWriter out = out();
        String active = "'" + keys.active().id() + "'";
        out.println((dryRun ? "dry run: would rekey " : "rekeyed ") + counts.rekeyed() + " sessions under key "
                + active + " of " + counts.scanned() + " scanned" + (resumeAfter == null ? "" : " after the resume "
                + "token") + (dryRun ? "; nothing was written" : ""));
        out.println("already current: " + counts.current() + " (no write)");
        if (!dryRun) {
            out.println("skipped: " + counts.skipped() + (counts.skipped() > 0 ? " (changed or deleted meanwhile; "
                    + "run rekey again to cover them)" : ""));
        }
        out.println("undecryptable values: " + counts.undecryptable() + (counts.undecryptable() > 0 ? " (left as "
                + "they are: their key id is not in DYSESSION_ENCRYPTION_KEYS, or they were altered)" : ""));
    }

    private static String progress(Counts counts, boolean dryRun) {
        return "rekey: scanned " + counts.scanned() + " sessions, " + counts.rekeyed()
                + (dryRun ? " to rekey" : " rekeyed") + ", " + counts.current() + " current"
                + (dryRun ? "" : ", " + counts.skipped() + " skipped") + ", " + counts.undecryptable()
                + " undecryptable values" + (counts.resumeAfter() == null ? ""
                : "; resume with --resume-after " + counts.resumeAfter());
    }
}
