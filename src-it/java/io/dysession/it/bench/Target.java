package io.dysession.it.bench;

import java.net.URI;

import io.dysession.it.support.PayaraMicroProcess;

/**
 * A server the benchmark drives: where its app answers, and its process, whose CPU time is measured.
 *
 * @param app      the app's base URI, ending in {@code /}
 * @param process  the server's process
 */
record Target(URI app, Process process) {

    static Target of(PayaraMicroProcess payara) {
        return new Target(payara.app(), payara.process());
    }
}
