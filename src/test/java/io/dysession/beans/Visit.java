package io.dysession.beans;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import io.dysession.DySessionScoped;

/** Records its @PreDestroy in the application-scoped AuditLog. */
@DySessionScoped
public class Visit {

    @Inject
    AuditLog log;

    private int pages;

    public int getPages() {
        return pages;
    }

    public void setPages(int pages) {
        this.pages = pages;
    }

    @PreDestroy
    void ended() {
        log.add("visit ended after " + pages + " pages");
    }
}
