package dev.hinge.platform.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Keeps the most recently used aggregates in memory (least recently used out first), so a command for an
 * athlete with a long history does not replay it. Safe because each service is the only writer of its own
 * aggregates and runs as one instance. Aggregates are held softly: an athlete's state grows with the sets they
 * logged, so a count alone does not bound the memory; when the heap runs short the collector drops cached
 * aggregates (they are loaded again from their snapshot) instead of the service failing.
 */
public class BoundedCache implements Cache {
    private final Map<Object, Reference<Object>> entries;
    private final Function<Object, Reference<Object>> holder;
    private final CopyOnWriteArrayList<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public BoundedCache(int maxEntries) {
        this(maxEntries, SoftReference::new);
    }

    /** {@code holder} wraps each value: soft references in production. */
    BoundedCache(int maxEntries, Function<Object, Reference<Object>> holder) {
        this.holder = holder;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Reference<Object>> eldest) {
                boolean full = size() > maxEntries;
                if (full) {
                    listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                }
                return full;
            }
        };
    }

    /** The value, or null when there is none or the collector cleared it (the entry then goes). */
    private Object live(Object key) {
        Reference<Object> reference = entries.get(key);
        if (reference == null) {
            return null;
        }
        Object value = reference.get();
        if (value == null) {
            entries.remove(key);
            listeners.forEach(l -> l.onEntryExpired(key));
        }
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) live(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        boolean existed = live(key) != null;
        entries.put(key, holder.apply(value));
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (live(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        Object value = live(key);
        if (value == null) {
            value = valueSupplier.get();
            put(key, value);
        }
        return (T) value;
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        entries.keySet().forEach(key -> listeners.forEach(l -> l.onEntryRemoved(key)));
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return live(key) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object value = live(key);
        if (value != null) {
            put(key, update.apply((V) value));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
