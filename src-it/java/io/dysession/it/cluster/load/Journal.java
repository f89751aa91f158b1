package io.dysession.it.cluster.load;

import java.util.ArrayList;
import java.util.List;

import io.dysession.DySessionScoped;

/** A per-session list of entries of the load tests: a second bean, changed independently of {@link Tally}. */
@DySessionScoped
public class Journal {

    private List<String> entries = new ArrayList<>();

    public List<String> getEntries() {
        return entries;
    }

    public void setEntries(List<String> entries) {
        this.entries = entries == null ? new ArrayList<>() : new ArrayList<>(entries);
    }

    public void append(String entry) {
        entries.add(entry);
    }
}
