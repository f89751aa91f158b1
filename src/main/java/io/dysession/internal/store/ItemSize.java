package io.dysession.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's 400 KB item limit, checked before a write so that an oversized state writes nothing;
 * and an item's size by DynamoDB's rules, for the {@code Server-Timing} header.
 */
final class ItemSize {

    static final int LIMIT = 400 * 1024;
    // Key, times, version, TTL and attribute names: generous, so that the check errs on the safe side.
    private static final int OVERHEAD = 1024;

    private ItemSize() {
    }

    /** The item's size by DynamoDB's rules: attribute names and values; 3 bytes and 1 per element for maps and lists. */
    static long of(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            total += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return total;
    }

    private static long of(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
            case NS -> value.ns().stream().mapToLong(ItemSize::number).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case M -> 3 + value.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + of(e.getValue())).sum();
            case L -> 3 + value.l().stream().mapToLong(e -> 1 + of(e)).sum();
            default -> 0;
        };
    }

    // About one byte per two significant digits, plus one.
    private static long number(String number) {
        long digits = number.chars().filter(Character::isDigit).count();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** @param perValue bytes each value may still grow by (sealing adds a header, a nonce and a tag) */
    static boolean fits(Map<String, AttributeValue> beans, int perValue) {
        return total(beans) + (long) perValue * beans.size() <= LIMIT;
    }

    private static long total(Map<String, AttributeValue> beans) {
        long total = OVERHEAD;
        for (Map.Entry<String, AttributeValue> bean : beans.entrySet()) {
            total += bean.getKey().getBytes(StandardCharsets.UTF_8).length + BeanEncoding.size(bean.getValue());
        }
        return total;
    }

    /**
     * @param beans every bean the item will hold after the write, bean key to stored value
     * @throws IllegalStateException naming each bean and its size when the item would be too large
     */
    static void check(Map<String, AttributeValue> beans) {
        long total = total(beans);
        if (total > LIMIT) {
            String sizes = beans.entrySet().stream()
                    .map(bean -> bean.getKey() + " " + BeanEncoding.size(bean.getValue()) + " bytes"
                            + (bean.getValue().b() != null ? " compressed" : ""))
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("dysession cannot save the session: its item would be about " + total
                    + " bytes, over DynamoDB's item limit of " + LIMIT + " bytes. Beans: " + sizes + ". Nothing was "
                    + "written; keep less state in @DySessionScoped beans.");
        }
    }
}
