package io.dysession.it.app;

import io.dysession.DySessionScoped;

/** A per-session text, written by a POST and shown by the GET it redirects to. */
@DySessionScoped
public class Note {

    private String text;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
