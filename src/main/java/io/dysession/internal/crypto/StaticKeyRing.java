package io.dysession.internal.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The keys listed in {@code dysession.encryption.keys}, one of them active. */
public final class StaticKeyRing implements KeyRing {

    private final Map<String, DataKey> keys = new LinkedHashMap<>();
    private final DataKey active;

    /** @param keys every key, in the configured order; {@code activeId} must be one of them */
    public StaticKeyRing(List<DataKey> keys, String activeId) {
        keys.forEach(key -> this.keys.put(key.id(), key));
        this.active = this.keys.get(activeId);
        if (active == null) {
            throw new IllegalArgumentException("the active key id " + activeId + " is not among " + this.keys.keySet());
        }
    }

    @Override
    public DataKey active() {
        return active;
    }

    @Override
    public Optional<DataKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        ids.add(active.id());
        keys.keySet().stream().filter(id -> !id.equals(active.id())).forEach(ids::add);
        return ids;
    }

    @Override
    public String toString() {
        return "StaticKeyRing" + ids(); // ids only, never key material
    }
}
