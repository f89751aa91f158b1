package io.dysession.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.dysession.internal.crypto.SealedValues;
import io.dysession.internal.crypto.UndecryptableValueException;
import io.dysession.internal.crypto.ValuePlace;

/**
 * Re-seals one stored item's values under the active key, for the command-line tool's
 * {@code rekey}: each bean value in {@code beans} and the {@code login}. A value sealed under
 * another key is opened and sealed again; a plain one (JSON text, gzip, the login map) is sealed;
 * one already under the active key is left alone, and so is one that does not open. The plain
 * bytes do not change, so neither does anything else of the item: versions, times and TTL stay as
 * they are, and servers that cache the session (by its version) are unaffected.
 */
public final class ItemRekey {

    /** The attributes a rekey reads of an item, besides its key. */
    public static final List<String> READ = List.of(ItemMapping.VERSION, ItemMapping.BEANS, ItemMapping.LOGIN);
    /** The key id {@link #keyIdsOf} gives a value that is not sealed. */
    public static final String PLAIN = "(plain)";

    private final String table;
    private final SealedValues sealed;

    /** @param sealed the values' keys: new values sealed under the active one, the others only opened */
    public ItemRekey(String table, SealedValues sealed) {
        this.table = table;
        this.sealed = sealed;
    }

    /**
     * The write that puts every value of {@code item} under the active key: {@code SET} of the
     * values that change, conditioned on the item's version being the one read.
     *
     * @param partitionKey the item's partition key value, bound into every sealed value
     * @param item         the item as read, with at least {@link #READ}
     */
    public Plan plan(String partitionKey, Map<String, AttributeValue> item) {
        String active = sealed.keys().active().id();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int current = 0;
        List<String> undecryptable = new ArrayList<>();
        // Sorted, so that the aliases are the same for the same item.
        Map<String, AttributeValue> beans = new TreeMap<>(ItemMapping.map(item, ItemMapping.BEANS, false));
        int index = 0;
        for (Map.Entry<String, AttributeValue> bean : beans.entrySet()) {
            ValuePlace place = ValuePlace.bean(table, partitionKey, bean.getKey());
            byte[] plain;
            AttributeValue value = bean.getValue();
            if (value.s() != null) {
                plain = value.s().getBytes(StandardCharsets.UTF_8);
            } else if (value.b() == null) {
                continue; // not a bean value dysession wrote: not ours to touch
            } else if (!SealedValues.isSealed(value.b().asByteArray())) {
                plain = value.b().asByteArray(); // gzip
            } else if (active.equals(SealedValues.keyIdOf(value.b().asByteArray()))) {
                current++;
                continue;
            } else {
                plain = open(value.b().asByteArray(), place, "bean " + bean.getKey(), undecryptable);
                if (plain == null) {
                    continue;
                }
            }
            String alias = "#b" + index++;
            names.put(alias, bean.getKey());
            values.put(":" + alias.substring(1), sealed(plain, place));
            sets.add("#beans." + alias + " = :" + alias.substring(1));
        }
        if (!sets.isEmpty()) {
            names.put("#beans", ItemMapping.BEANS);
        }
        AttributeValue login = item.get(ItemMapping.LOGIN);
        if (login != null) {
            ValuePlace place = ValuePlace.login(table, partitionKey);
            byte[] plain = null;
            if (login.hasM()) {
                try {
                    plain = LoginBytes.of(ItemMapping.plainLoginOf(item));
                } catch (ItemLayoutException e) {
                    undecryptable.add("the login (key id (none): " + e.getMessage() + ")");
                }
            } else if (login.b() != null && active.equals(SealedValues.keyIdOf(login.b().asByteArray()))) {
                current++;
            } else if (login.b() != null) {
                plain = open(login.b().asByteArray(), place, "the login", undecryptable);
            }
            if (plain != null) {
                names.put("#login", ItemMapping.LOGIN);
                values.put(":login", sealed(plain, place));
                sets.add("#login = :login");
            }
        }
        if (sets.isEmpty()) {
            return new Plan(null, null, Map.of(), Map.of(), 0, current, undecryptable);
        }
        names.put("#ver", ItemMapping.VERSION);
        values.put(":ver", item.get(ItemMapping.VERSION));
        return new Plan("SET " + String.join(", ", sets), "#ver = :ver", names, values, sets.size(), current,
                undecryptable);
    }

    /**
     * The key id of each value of {@code item}, {@link #PLAIN} for one that is not sealed: a bean
     * value that is JSON text or gzip, a login map. Reads the values' headers only; opens nothing.
     */
    public static List<String> keyIdsOf(Map<String, AttributeValue> item) {
        List<String> ids = new ArrayList<>();
        ItemMapping.map(item, ItemMapping.BEANS, false).values().forEach(value -> ids.add(keyIdOf(value)));
        AttributeValue login = item.get(ItemMapping.LOGIN);
        if (login != null) {
            ids.add(keyIdOf(login));
        }
        return ids;
    }

    private static String keyIdOf(AttributeValue value) {
        if (value.b() == null || !SealedValues.isSealed(value.b().asByteArray())) {
            return PLAIN;
        }
        String id = SealedValues.keyIdOf(value.b().asByteArray());
        return id == null ? "(none)" : id;
    }

    private AttributeValue sealed(byte[] plain, ValuePlace place) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(sealed.seal(plain, place)));
    }

    private byte[] open(byte[] stored, ValuePlace place, String what, List<String> undecryptable) {
        try {
            return sealed.open(stored, place);
        } catch (UndecryptableValueException e) {
            undecryptable.add(what + " (key id " + e.keyId() + ": " + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * What a rekey of one item does.
     *
     * @param update         the {@code UpdateItem}'s update expression; null when nothing is to be written
     * @param condition      its condition: the item's version as read
     * @param names          its expression attribute names
     * @param values         its expression attribute values
     * @param resealed       values the write seals under the active key
     * @param current        values already under the active key, left alone
     * @param undecryptable  values that do not open, left alone: what each is and why
     */
    public record Plan(String update, String condition, Map<String, String> names, Map<String, AttributeValue> values,
                       int resealed, int current, List<String> undecryptable) {

        public Plan {
            names = Map.copyOf(names);
            values = Map.copyOf(values);
            undecryptable = List.copyOf(undecryptable);
        }

        /** Whether the item needs a write: some value is not yet under the active key and opens. */
        public boolean writes() {
            return update != null;
        }
    }
}
