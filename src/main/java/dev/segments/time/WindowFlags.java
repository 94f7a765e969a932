package dev.segments.time;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * The keys of the relative windows that hold for a contact, as one bit per window of its rule set: what rules read
 * as {@code timeFlags} ({@code timeFlagsPart4.contains("createdAt withinLast P14D")}). Immutable.
 */
public final class WindowFlags extends AbstractSet<String> {

    private final WindowKeys keys;
    private final long[] bits;

    private WindowFlags(WindowKeys keys, long[] bits) {
        this.keys = keys;
        this.bits = bits;
    }

    /** Flags being set, for the windows of {@code keys}. */
    public static Builder builder(WindowKeys keys) {
        return new Builder(keys);
    }

    @Override
    public boolean contains(Object key) {
        int position = keys.positionOf(key);
        return position >= 0 && holds(position);
    }

    @Override
    public int size() {
        int size = 0;
        for (long word : bits) {
            size += Long.bitCount(word);
        }
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        return keys.iterator(this::holds, keys::key);
    }

    private boolean holds(int position) {
        return (bits[position >>> 6] & 1L << position) != 0;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof WindowFlags that && that.keys == keys) {
            return Arrays.equals(bits, that.bits);
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode(); // the sum of the keys' hashes, as any set of these keys
    }

    public static final class Builder {

        private final WindowKeys keys;
        private final long[] bits;
        private boolean any;

        private Builder(WindowKeys keys) {
            this.keys = keys;
            this.bits = new long[(keys.size() + 63) >>> 6];
        }

        /** Sets the flag of {@code key}, one of the keys this builder was made for. */
        public Builder add(String key) {
            int position = keys.positionOf(key);
            if (position < 0) {
                throw new IllegalArgumentException("not a key of these windows: " + key);
            }
            bits[position >>> 6] |= 1L << position;
            any = true;
            return this;
        }

        /** The flags set; the shared empty set if none is. */
        public Set<String> build() {
            return any ? new WindowFlags(keys, bits.clone()) : Set.of();
        }
    }
}
