package io.dysession.internal.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link StoredSession} to and from a DynamoDB item.
 */
public final class ItemMapping {

    public static final String CREATED = "created";
    public static final String ACCESSED = "accessed";
    static final String VERSION = "ver";
    static final String TIMEOUT = "timeout";
    static final String BEANS = "beans";
    static final String BEAN_VERSIONS = "bver";
    public static final String LOGIN = "login";
    static final String CALLER = "caller";

    private final TableLayout layout;
    private final BeanEncoding encoding;
    private final SessionKeys keys;
    private final StateSeal seal;

    ItemMapping(TableLayout layout, BeanEncoding encoding, SessionKeys keys, StateSeal seal) {
        this.layout = layout;
        this.encoding = encoding;
        this.keys = keys;
        this.seal = seal;
    }

    /** The whole item, its beans encoded; checked against the item size limit. */
    Map<String, AttributeValue> toItem(StoredSession session) {
        Map<String, AttributeValue> item = new HashMap<>(layout.key(session.key().value()));
        item.put(CREATED, number(session.created()));
        item.put(ACCESSED, number(session.accessed()));
        item.put(layout.ttlAttribute(), number(session.expires()));
        item.put(VERSION, number(session.version()));
        if (session.timeout() > 0) {
            item.put(TIMEOUT, number(session.timeout()));
        }
        Map<String, AttributeValue> beans = encode(session.key(), session.beans());
        ItemSize.check(beans);
        item.put(BEANS, AttributeValue.fromM(beans));
        Map<String, AttributeValue> versions = new HashMap<>();
        session.beanVersions().forEach((bean, version) -> versions.put(bean, number(version)));
        item.put(BEAN_VERSIONS, AttributeValue.fromM(versions));
        item.putAll(loginAttributes(session.key(), session.login()));
        return item;
    }

    /**
     * The login (a map, or sealed) and the caller index key of a login; empty for none, so that a
     * session without a login stays out of the sparse caller index.
     */
    Map<String, AttributeValue> loginAttributes(SessionKey key, SessionLogin login) {
        if (login == null) {
            return Map.of();
        }
        AttributeValue sealed = seal.sealLogin(key.value(), login);
        if (sealed != null) {
            return Map.of(LOGIN, sealed, CALLER, AttributeValue.fromS(keys.ofCaller(login.caller())));
        }
        List<AttributeValue> groups = new ArrayList<>();
        login.groups().forEach(group -> groups.add(AttributeValue.fromS(group)));
        Map<String, AttributeValue> map = Map.of("caller", AttributeValue.fromS(login.caller()),
                "groups", AttributeValue.fromL(groups), "client", AttributeValue.fromS(login.client()),
                "at", number(login.at()));
        return Map.of(LOGIN, AttributeValue.fromM(map), CALLER, AttributeValue.fromS(keys.ofCaller(login.caller())));
    }

    /** The login an item (or an index entry) holds; null for none, or for one that does not decrypt. */
    SessionLogin loginOf(SessionKey key, Map<String, AttributeValue> item) {
        AttributeValue stored = item.get(LOGIN);
        if (stored != null && stored.b() != null) {
            return seal.openLogin(key, stored);
        }
        if (stored != null && seal.refusesPlainLogin(key, stored)) {
            return null;
        }
        return plainLoginOf(item);
    }

    /** The login of a plain (map) {@code login} attribute; null for none. */
    static SessionLogin plainLoginOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> login = map(item, LOGIN, false);
        if (login.isEmpty()) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        AttributeValue stored = login.get("groups");
        if (stored == null || !stored.hasL()) {
            throw new ItemLayoutException(LOGIN + ".groups", "is not a list (L)");
        }
        for (AttributeValue group : stored.l()) {
            if (group.s() == null) {
                throw new ItemLayoutException(LOGIN + ".groups", "holds a " + group.type() + ", not a string (S)");
            }
            groups.add(group.s());
        }
        return new SessionLogin(string(login, "caller"), groups, string(login, "client"),
                number(login, "at", LOGIN + ".at", true));
    }

    /** Each bean's stored value in the item {@code key} names: compressed when large, sealed when encrypting. */
    Map<String, AttributeValue> encode(SessionKey key, Map<String, String> beans) {
        Map<String, AttributeValue> encoded = new HashMap<>();
        beans.forEach((bean, json) -> encoded.put(bean, seal.sealBean(key.value(), bean, encoding.encode(json))));
        return encoded;
    }

    /**
     * The session an item holds. A bean value that cannot be decrypted or decoded is left out and
     * named unreadable (that bean starts fresh, and its save replaces the value); anything else that
     * does not fit the layout throws {@link ItemLayoutException}.
     */
    StoredSession fromItem(SessionKey key, Map<String, AttributeValue> item) {
        Map<String, String> beans = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        map(item, BEANS, true).forEach((bean, value) -> {
            AttributeValue plain = seal.openBean(key, bean, value);
            String json = plain == null ? null : BeanEncoding.decode(plain);
            if (json != null) {
                beans.put(bean, json);
            } else {
                unreadable.add(bean);
            }
        });
        Map<String, Long> versions = new HashMap<>();
        Map<String, AttributeValue> storedVersions = map(item, BEAN_VERSIONS, false);
        storedVersions.keySet().forEach(bean ->
                versions.put(bean, number(storedVersions, bean, BEAN_VERSIONS + "." + bean, true)));
        return new StoredSession(key, number(item, CREATED, CREATED, true), number(item, ACCESSED, ACCESSED, true),
                number(item, layout.ttlAttribute(), layout.ttlAttribute(), true), number(item, VERSION, VERSION, true),
                number(item, TIMEOUT, TIMEOUT, false), beans, versions, loginOf(key, item), lockOf(item), unreadable);
    }

    /** The lease lock an item holds; null for none (or one that does not fit, which counts as none). */
    static SessionLock lockOf(Map<String, AttributeValue> item) {
        AttributeValue owner = item.get(SessionLock.OWNER);
        AttributeValue until = item.get(SessionLock.UNTIL);
        if (owner == null || owner.s() == null || until == null || until.n() == null) {
            return null;
        }
        return new SessionLock(owner.s(), number(item, SessionLock.UNTIL, SessionLock.UNTIL, true));
    }

    /** The version of an item read with only its version projected. */
    static long versionOf(Map<String, AttributeValue> item) {
        return number(item, VERSION, VERSION, true);
    }

    static long beanBytes(Map<String, AttributeValue> item) {
        AttributeValue beans = item.get(ItemMapping.BEANS);
        return beans == null ? 0 : beans.m().values().stream().mapToLong(BeanEncoding::size).sum();
    }

    // Unchanged beans count at their uncompressed (and sealed) size, an upper bound; encoded only when that is not enough.
    void checkSize(SessionKey key, Map<String, AttributeValue> changed, Map<String, String> all) {
        Map<String, AttributeValue> bound = new HashMap<>();
        all.forEach((bean, json) -> bound.put(bean, changed.getOrDefault(bean, AttributeValue.fromS(json))));
        if (!ItemSize.fits(bound, seal.enabled() ? StateSeal.OVERHEAD : 0)) {
            ItemSize.check(encode(key, all));
        }
    }

    public static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name, boolean required) {
        AttributeValue value = item.get(name);
        if (value == null) {
            if (required) {
                throw new ItemLayoutException(name, "is missing");
            }
            return Map.of();
        }
        if (!value.hasM()) {
            throw new ItemLayoutException(name, "is not a map (M) but " + value.type());
        }
        return value.m();
    }

    private static String string(Map<String, AttributeValue> login, String name) {
        AttributeValue value = login.get(name);
        if (value == null || value.s() == null) {
            throw new ItemLayoutException(LOGIN + "." + name, "is not a string (S)");
        }
        return value.s();
    }

    // An optional number that is missing reads as 0.
    static long number(Map<String, AttributeValue> item, String name, String shown, boolean required) {
        AttributeValue value = item.get(name);
        if (value == null) {
            if (required) {
                throw new ItemLayoutException(shown, "is missing");
            }
            return 0;
        }
        if (value.n() == null) {
            throw new ItemLayoutException(shown, "is not a number (N) but " + value.type());
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            throw new ItemLayoutException(shown, "is not a whole number: " + value.n());
        }
    }
}
