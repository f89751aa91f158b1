package io.dysession.internal.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A login as the plain bytes that are sealed in place of the {@code login} map: the caller, the
 * number of groups and each group, the client, each a 4-byte big-endian length and UTF-8 bytes,
 * then the login time as an 8-byte big-endian number of epoch milliseconds.
 */
final class LoginBytes {

    private static final int LONGEST_TEXT = 64 * 1024;

    private LoginBytes() {
    }

    static byte[] of(SessionLogin login) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + login.caller().length() + login.client().length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, login.caller());
            out.writeInt(login.groups().size());
            for (String group : login.groups()) {
                text(out, group);
            }
            text(out, login.client());
            out.writeLong(login.at());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws ItemLayoutException when the bytes are not a login */
    static SessionLogin read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String caller = text(in);
            int count = in.readInt();
            if (count < 0 || count > bytes.length) {
                throw new IOException("bad group count");
            }
            List<String> groups = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                groups.add(text(in));
            }
            SessionLogin login = new SessionLogin(caller, groups, text(in), in.readLong());
            if (in.available() > 0) {
                throw new IOException("trailing bytes");
            }
            return login;
        } catch (IOException e) {
            throw new ItemLayoutException(ItemMapping.LOGIN, "decrypts to bytes that are not a login");
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > LONGEST_TEXT) {
            throw new IOException("bad length");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
