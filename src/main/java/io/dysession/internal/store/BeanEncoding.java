package io.dysession.internal.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How one bean's JSON is held in the {@code beans} map: as a string, or gzip-compressed as a
 * binary value when it is larger than the threshold (fewer write units for large states).
 */
final class BeanEncoding {

    private final int compressionThreshold;

    BeanEncoding(int compressionThreshold) {
        this.compressionThreshold = compressionThreshold;
    }

    AttributeValue encode(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= compressionThreshold) {
            return AttributeValue.fromS(json);
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(utf8.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(compressed.toByteArray()));
    }

    /** The JSON of a stored value, or null when the value is neither a string nor gzip. */
    static String decode(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.b() == null) {
            return null;
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(value.b().asByteArray()))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Bytes DynamoDB counts for this stored value. */
    static long size(AttributeValue value) {
        return value.s() != null ? value.s().getBytes(StandardCharsets.UTF_8).length : value.b().asByteArray().length;
    }
}
