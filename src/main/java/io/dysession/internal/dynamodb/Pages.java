package io.dysession.internal.dynamodb;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads every page of a paginated {@code Query} or {@code Scan}: each page starts where the last
 * one's {@code LastEvaluatedKey} ended, until a page has none.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * @param page   fetches the page that starts at the given key (null for the first)
     * @param next   the page's {@code LastEvaluatedKey}
     * @param reader given each page in turn
     */
    public static <P> void read(Function<Map<String, AttributeValue>, P> page,
                                Function<P, Map<String, AttributeValue>> next, Consumer<P> reader) {
        Map<String, AttributeValue> start = null;
        do {
            P current = page.apply(start);
            reader.accept(current);
            Map<String, AttributeValue> last = next.apply(current);
            start = last == null || last.isEmpty() ? null : last;
        } while (start != null);
    }
}
