package io.dysession.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A minimal HTTP/1.1 client on a plain socket, for requests that {@link java.net.http.HttpClient}
 * refuses to send: header values with raw non-ASCII bytes, NUL, oversized or repeated headers.
 * It writes the request bytes exactly as given ({@code Connection: close}), reads until the server
 * closes the connection (at most {@link #MAX_RESPONSE_BYTES}, each read bounded by a timeout), and
 * splits the status line, the headers and the (possibly chunked) body.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final byte[] CRLF = {'\r', '\n'};

    private RawHttp() {
    }

    /** One response; {@code status} is -1 when the server closed the connection without a status line. */
    public record Reply(String request, int status, String statusLine, List<String[]> headers, String body) {

        public List<String> all(String name) {
            return headers.stream().filter(header -> header[0].equalsIgnoreCase(name)).map(header -> header[1]).toList();
        }

        public Optional<String> first(String name) {
            return all(name).stream().findFirst();
        }

        public List<SetCookie> setCookies(String cookieName) {
            return all("Set-Cookie").stream().map(SetCookie::parse).filter(c -> c.name().equals(cookieName)).toList();
        }

        @Override
        public String toString() {
            StringBuilder shown = new StringBuilder(request).append(" -> ").append(statusLine);
            for (String[] header : headers) {
                shown.append("\n  ").append(header[0]).append(": ").append(header[1]);
            }
            String text = body.length() > 500 ? body.substring(0, 500) + "..." : body;
            return shown.append("\n  body: ").append(text).toString();
        }
    }

    /** A header line {@code name: value} whose value is sent as the given bytes, unchanged. */
    public static byte[] header(String name, byte[] value) {
        byte[] prefix = (name + ": ").getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(prefix, prefix.length + value.length);
        System.arraycopy(value, 0, line, prefix.length, value.length);
        return line;
    }

    /** A header line whose value is sent as ISO-8859-1 (one byte per char, so only ASCII in practice). */
    public static byte[] header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * {@code GET path} on the server of {@code base} (path absolute, e.g. {@code /app/count}) with
     * these extra header lines; {@code label} names the request in failure messages.
     */
    public static Reply get(URI base, String path, String label, List<byte[]> headerLines) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("GET " + path + " HTTP/1.1").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(CRLF);
        request.writeBytes(("Host: " + base.getHost() + ":" + base.getPort()).getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(CRLF);
        for (byte[] line : headerLines) {
            request.writeBytes(line);
            request.writeBytes(CRLF);
        }
        request.writeBytes("Connection: close".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(CRLF);
        request.writeBytes(CRLF);
        String shownRequest = "GET " + path + " [" + label + "]";

        byte[] received;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            received = readUntilClosed(socket.getInputStream(), shownRequest);
        } catch (IOException e) {
            throw new AssertionError(shownRequest + " failed: " + e, e);
        }
        return parse(shownRequest, received);
    }

    private static byte[] readUntilClosed(InputStream in, String shownRequest) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (received.size() < MAX_RESPONSE_BYTES) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new AssertionError(shownRequest + ": no end of response within " + TIMEOUT_MILLIS + " ms, got "
                        + received.size() + " bytes", e);
            } catch (IOException e) {
                // A server may reset the connection right after its error response: keep what arrived.
                if (received.size() == 0) {
                    throw e;
                }
                break;
            }
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
        }
        return received.toByteArray();
    }

    private static Reply parse(String shownRequest, byte[] received) {
        int end = indexOf(received, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        if (received.length == 0 || end < 0) {
            return new Reply(shownRequest, -1, "(connection closed after " + received.length + " bytes)", List.of(),
                    new String(received, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(received, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String statusLine = lines[0];
        String[] statusParts = statusLine.split(" ", 3);
        int status = statusParts.length >= 2 && statusParts[1].matches("\\d{3}") ? Integer.parseInt(statusParts[1]) : -1;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
        }
        byte[] rest = Arrays.copyOfRange(received, end + 4, received.length);
        boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
                && h[1].toLowerCase(Locale.ROOT).contains("chunked"));
        byte[] body = chunked ? dechunk(rest) : rest;
        return new Reply(shownRequest, status, statusLine, List.copyOf(headers),
                new String(body, StandardCharsets.UTF_8));
    }

    /** The body of a chunked message (bounded: every chunk moves forward, or decoding stops). */
    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = indexOf(chunked, CRLF, pos);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";", 2)[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            int start = lineEnd + 2;
            if (size <= 0 || start + size > chunked.length) {
                break;
            }
            body.write(chunked, start, size);
            pos = start + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
