package io.dysession.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import io.dysession.DySession;

/**
 * What the page says about where it came from: the server instance that answered (any instance
 * serves any session) and the session's public digest, the DynamoDB key its item is stored under.
 * ../run-sample.sh names the instances with the system property {@code sample.instance} and links
 * them with {@code sample.other-instance} (the other instance's URL).
 */
@RequestScoped
public class ServedBy {

    private static final int DIGEST_SHOWN = 12;

    @Inject
    DySession session;

    /** The instance's name, or the server and port when ../run-sample.sh did not name it. */
    String instance(HttpServletRequest req) {
        String name = System.getProperty("sample.instance");
        String server = req.getServletContext().getServerInfo() + ", port " + req.getLocalPort();
        return name == null ? server : name + " (" + server + ")";
    }

    /** The URL of the other instance, or null when there is none. */
    String otherInstance() {
        return System.getProperty("sample.other-instance");
    }

    /**
     * The first characters of the session's handle, base64url(SHA-256(id)): the item's partition
     * key, safe to show; null when the visitor has no stored session yet (asking for the handle
     * would create one).
     */
    String sessionDigestPrefix() {
        return session.isNew() ? null : session.handle().substring(0, DIGEST_SHOWN);
    }
}
