package dev.segments.time;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A contact's activity counts above zero by window key, as one number per activity window of its rule set: what
 * rules read as {@code activityCounts} ({@code countIn(activityCountsPart3, "email.clicked within P7D") >= 2}).
 * Immutable.
 */
public final class WindowCounts extends AbstractMap<String, Integer> {

    private final WindowKeys keys;
    private final int[] counts;

    private WindowCounts(WindowKeys keys, int[] counts) {
        this.keys = keys;
        this.counts = counts;
    }

    /** Counts being set, for the windows of {@code keys}. */
    public static Builder builder(WindowKeys keys) {
        return new Builder(keys);
    }

    /** The count of {@code key}: 0 if it is not one of these windows or none of their events happened. */
    public int count(String key) {
        int position = keys.positionOf(key);
        return position < 0 ? 0 : counts[position];
    }

    @Override
    public Integer get(Object key) {
        int position = keys.positionOf(key);
        return position < 0 || counts[position] == 0 ? null : counts[position];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        int size = 0;
        for (int count : counts) {
            size += count > 0 ? 1 : 0;
        }
        return size;
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return WindowCounts.this.size();
            }

            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return keys.iterator(position -> counts[position] > 0,
                        position -> Map.entry(keys.key(position), counts[position]));
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof WindowCounts that && that.keys == keys) {
            return Arrays.equals(counts, that.counts);
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode(); // as any map of these keys and counts
    }

    public static final class Builder {

        private final WindowKeys keys;
        private final int[] counts;
        private boolean any;

        private Builder(WindowKeys keys) {
            this.keys = keys;
            this.counts = new int[keys.size()];
        }

        /** Adds {@code count} to the count of {@code key}, one of the keys this builder was made for. */
        public Builder add(String key, int count) {
            int position = keys.positionOf(key);
            if (position < 0) {
                throw new IllegalArgumentException("not a key of these windows: " + key);
            }
            if (count < 0) {
                throw new IllegalArgumentException("a count is never negative: " + key + " " + count);
            }
            counts[position] += count;
            any |= counts[position] > 0;
            return this;
        }

        /** Adds every count of {@code counted}. */
        public Builder addAll(Map<String, Integer> counted) {
            counted.forEach(this::add);
            return this;
        }

        /** The counts above zero; the shared empty map if there are none. */
        public Map<String, Integer> build() {
            return any ? new WindowCounts(keys, counts.clone()) : Map.of();
        }
    }
}
