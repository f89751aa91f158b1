package io.dysession.internal.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import io.dysession.DySessionConflictException;
import io.dysession.internal.merge.JsonMerge;
import io.dysession.internal.merge.Merged;
import io.dysession.internal.statistics.Counters;

/**
 * One save's changes carried over what other requests wrote since it loaded: each bean both wrote
 * is merged three ways by JSON path (base: as loaded, mine: this request's, theirs: as stored now),
 * base and theirs as this server's codec writes the state they hold.
 * A path both changed is a conflict: in strict mode the save fails and writes nothing; otherwise
 * this request's value wins, and the overwritten paths are counted and logged once per request,
 * however many retries it takes.
 */
final class ConcurrentChanges {

    private static final Logger LOG = Logger.getLogger(ConcurrentChanges.class.getName());

    private final boolean strict;
    private final StateCheck check;
    private final Counters counters;
    private final Map<String, Set<String>> overwritten = new LinkedHashMap<>();

    ConcurrentChanges(boolean strict, StateCheck check, Counters counters) {
        this.strict = strict;
        this.check = check;
        this.counters = counters;
    }

    /**
     * This request's changed beans, merged onto {@code current} where another request wrote them
     * after {@code base}.
     *
     * @throws DySessionConflictException in strict mode, when a path was changed by both
     */
    Map<String, String> rebase(StoredSession base, StoredSession current, Map<String, String> mine,
                               Set<String> removed, String reference) {
        Map<String, String> rebased = new LinkedHashMap<>();
        Map<String, List<String>> conflicts = new LinkedHashMap<>();
        mine.forEach((bean, json) -> {
            if (!moved(bean, base, current)) {
                rebased.put(bean, json);
                return;
            }
            // all three as this server spells them: another JSON-B provider may spell an equal value otherwise
            Merged merged = JsonMerge.merge(check.respell(bean, base.beans().get(bean)), json,
                    check.respell(bean, current.beans().get(bean)));
            // null: this request left the bean as loaded and the other removed it; the save still writes it
            String mergedJson = merged.json() == null ? json : merged.json();
            boolean fits = mergedJson.equals(json) || check.fits(bean, mergedJson);
            rebased.put(bean, fits ? mergedJson : json);
            List<String> paths = fits ? merged.conflicts() : List.of("");
            if (!paths.isEmpty()) {
                conflicts.put(bean, paths);
            }
        });
        for (String bean : removed) {
            if (moved(bean, base, current) && current.beans().containsKey(bean)) {
                conflicts.put(bean, List.of(""));
            }
        }
        if (strict && !conflicts.isEmpty()) {
            throw new DySessionConflictException("Another request changed " + describe(conflicts) + " of session "
                    + reference + " after this request loaded it (dysession.concurrency=strict). Nothing of this "
                    + "request's session changes was written; retry the request.", conflicts.keySet());
        }
        conflicts.forEach((bean, paths) -> overwritten.computeIfAbsent(bean, b -> new LinkedHashSet<>()).addAll(paths));
        return rebased;
    }

    /**
     * A write conditioned on existence only replaced {@code previous}: every path of the beans it
     * wrote that another request changed since {@code seen} (the last look) was overwritten.
     */
    void overwrote(StoredSession seen, StoredSession previous, Set<String> touched, Map<String, String> written) {
        for (String bean : touched) {
            if (!moved(bean, seen, previous)) {
                continue;
            }
            String was = seen.beans().get(bean);
            String now = previous.beans().get(bean);
            String mine = written.get(bean);
            // The paths another request moved since the last look; when it wrote equal values (no
            // proof that nothing was lost), the paths this request wrote over them.
            List<String> paths = changedPaths(was, now);
            if (paths.isEmpty()) {
                paths = changedPaths(was, mine);
            }
            Set<String> beanPaths = overwritten.computeIfAbsent(bean, b -> new LinkedHashSet<>());
            if (!paths.isEmpty()) {
                beanPaths.addAll(paths);
            } else if (beanPaths.isEmpty()) {
                beanPaths.add("");
            }
        }
    }

    // Every JSON path at which {@code to} differs from {@code from}: a merge in which "both" sides made the change.
    private static List<String> changedPaths(String from, String to) {
        if (from == null || to == null) {
            return from == to ? List.of() : List.of("");
        }
        return JsonMerge.merge(from, to, to).conflicts();
    }

    /** Counts and logs, once, the paths at which the written save overwrote another request's change. */
    void written(String reference) {
        if (overwritten.isEmpty()) {
            return;
        }
        int paths = overwritten.values().stream().mapToInt(Set::size).sum();
        counters.overwritten(paths);
        LOG.info(() -> "dysession session " + reference + ": this request overwrote another request's change of "
                + describe(overwritten) + " (dysession.concurrency=merge: the later write wins; "
                + "dysession.concurrency=strict refuses it with 409 instead).");
        overwritten.clear();
    }

    private static boolean moved(String bean, StoredSession base, StoredSession current) {
        return current.beanVersion(bean) != base.beanVersion(bean)
                || current.beans().containsKey(bean) != base.beans().containsKey(bean);
    }

    // "com.shop.Cart at /items, /total" per bean; "" (the whole bean) reads as "(all of it)".
    private static String describe(Map<String, ? extends Collection<String>> paths) {
        StringBuilder text = new StringBuilder();
        paths.forEach((bean, at) -> {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(bean).append(" at ");
            text.append(String.join(", ", at.stream().map(path -> path.isEmpty() ? "(all of it)" : path).toList()));
        });
        return text.toString();
    }
}
