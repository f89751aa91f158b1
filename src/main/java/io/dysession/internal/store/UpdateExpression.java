package io.dysession.internal.store;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the update and condition expressions of one {@code UpdateItem} on a session item.
 */
final class UpdateExpression {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final StringJoiner set = new StringJoiner(", ", "SET ", "");
    private final StringJoiner remove = new StringJoiner(", ", " REMOVE ", "").setEmptyValue("");
    private final StringJoiner condition = new StringJoiner(" AND ");
    private final Map<String, String> beanAliases = new HashMap<>();

    UpdateExpression(TableLayout layout, StoredSession after) {
        names.put("#pk", layout.partitionKey());
        names.put("#acc", ItemMapping.ACCESSED);
        names.put("#ttl", layout.ttlAttribute());
        names.put("#ver", ItemMapping.VERSION);
        values.put(":acc", ItemMapping.number(after.accessed()));
        values.put(":ttl", ItemMapping.number(after.expires()));
        values.put(":one", ItemMapping.number(1));
        set.add("#acc = :acc").add("#ttl = :ttl").add("#ver = #ver + :one");
        if (after.timeout() > 0) {
            names.put("#to", ItemMapping.TIMEOUT);
            values.put(":to", ItemMapping.number(after.timeout()));
            set.add("#to = :to");
        }
        condition.add("attribute_exists(#pk)");
    }

    void setBean(String bean, AttributeValue value) {
        String alias = alias(bean);
        useBeans();
        useVersions();
        values.put(":" + alias, value);
        values.putIfAbsent(":zero", ItemMapping.number(0));
        set.add("#beans.#" + alias + " = :" + alias);
        set.add("#bver.#" + alias + " = if_not_exists(#bver.#" + alias + ", :zero) + :one");
    }

    /** Marks the write with the save's token, so that a retry of it can tell its own write. */
    void mark(WriteToken token) {
        names.put("#wt", WriteToken.ATTRIBUTE);
        values.put(":wt", token.attribute());
        set.add("#wt = :wt");
    }

    void removeBean(String bean) {
        useBeans();
        remove.add("#beans.#" + alias(bean));
    }

    /**
     * Sets the login's attributes (the login map and the caller index key), or removes them when
     * {@code attributes} is empty (logout): the item then leaves the sparse caller index.
     */
    void login(Map<String, AttributeValue> attributes) {
        names.put("#login", ItemMapping.LOGIN);
        names.put("#caller", ItemMapping.CALLER);
        if (attributes.isEmpty()) {
            remove.add("#login").add("#caller");
            return;
        }
        values.put(":login", attributes.get(ItemMapping.LOGIN));
        values.put(":caller", attributes.get(ItemMapping.CALLER));
        set.add("#login = :login").add("#caller = :caller");
    }

    void guard(WriteGuard guard) {
        if (guard.expectedVersion() != null) {
            values.put(":expver", ItemMapping.number(guard.expectedVersion()));
            condition.add("#ver = :expver");
        }
        lock(guard.lock());
        for (String bean : guard.checkedBeans()) {
            String alias = alias(bean);
            StoredSession loaded = guard.loaded();
            // A value that did not open is stored all the same: its version guards it.
            if (!loaded.beans().containsKey(bean) && !loaded.unreadable().contains(bean)) {
                useBeans();
                condition.add("attribute_not_exists(#beans.#" + alias + ")");
            } else if (loaded.beanVersions().containsKey(bean)) {
                useVersions();
                values.put(":v" + alias, ItemMapping.number(loaded.beanVersion(bean)));
                condition.add("#bver.#" + alias + " = :v" + alias);
            } else {
                useVersions();
                condition.add("attribute_not_exists(#bver.#" + alias + ")");
            }
        }
    }

    private void lock(WriteGuard.LockCondition lock) {
        String clause = lock.apply(names, values);
        if (clause != null) {
            condition.add(clause);
        }
        if (lock.owner() != null) {
            // The holder's write releases the lock; refused when its lease ran out and another took it.
            names.put("#lockUntil", SessionLock.UNTIL);
            remove.add("#lock").add("#lockUntil");
        }
    }

    String update() {
        return set.toString() + remove;
    }

    String condition() {
        return condition.toString();
    }

    Map<String, String> names() {
        return names;
    }

    Map<String, AttributeValue> values() {
        return values;
    }

    private void useBeans() {
        names.put("#beans", ItemMapping.BEANS);
    }

    private void useVersions() {
        names.put("#bver", ItemMapping.BEAN_VERSIONS);
    }

    // One alias per bean, shared by its value, its version and its conditions.
    private String alias(String bean) {
        return beanAliases.computeIfAbsent(bean, b -> {
            String alias = "b" + beanAliases.size();
            names.put("#" + alias, b);
            return alias;
        });
    }
}
