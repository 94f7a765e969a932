package dev.segments.time;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The keys of one rule set's relative windows, or of its activity windows, numbered from 0: a contact's flags and
 * counts ({@link WindowFlags}, {@link WindowCounts}) are bits and numbers at those positions, and one shared index
 * finds a key's position. A set or map of keys per contact cost about 100 bytes each and a probe of its own table at
 * every read.
 */
public final class WindowKeys {

    public static final WindowKeys NONE = new WindowKeys(List.of());

    private final String[] keys;
    private final Map<String, Integer> positions;

    WindowKeys(Collection<String> keys) {
        this.keys = keys.toArray(String[]::new);
        this.positions = new HashMap<>();
        for (int i = 0; i < this.keys.length; i++) {
            positions.put(this.keys[i], i);
        }
    }

    public int size() {
        return keys.length;
    }

    String key(int position) {
        return keys[position];
    }

    /** The values {@code at} gives for the positions, in order, where {@code holds}. */
    <T> Iterator<T> iterator(IntPredicate holds, IntFunction<T> at) {
        return new Iterator<>() {
            private int next = after(-1);

            private int after(int position) {
                for (int p = position + 1; p < keys.length; p++) {
                    if (holds.test(p)) {
                        return p;
                    }
                }
                return -1;
            }

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public T next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                T value = at.apply(next);
                next = after(next);
                return value;
            }
        };
    }

    /** The position of {@code key}, or -1 if it is not one of these keys. */
    int positionOf(Object key) {
        Integer position = positions.get(key);
        return position == null ? -1 : position;
    }
}
