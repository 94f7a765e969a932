package dev.segments.time;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * The keys of the relative windows that hold for a contact, as one bit per window of its rule set: what rules read
 * as {@code timeFlags} ({@code timeFlagsPart4.contains("createdAt withinLast P14D")}). Immutable.
 *
 * <p>Most of what rules ask is not set. A bit per set key's hash answers most of those without looking the key's
 * position up, as a hash set's empty slot does.
 */
public final class WindowFlags extends AbstractSet<String> {

    private final WindowKeys keys;
    /** The first 64 windows' bits; the rest, if the rule set has more, in {@link #more}. */
    private final long bits;
    private final long[] more;
    /** Bit {@code hashCode() & 63} of every key set. */
    private final long hashes;

    private WindowFlags(WindowKeys keys, long[] words, long hashes) {
        this.keys = keys;
        this.bits = words.length == 0 ? 0 : words[0];
        this.more = words.length > 1 ? Arrays.copyOfRange(words, 1, words.length) : null;
        this.hashes = hashes;
    }

    /** Flags being set, for the windows of {@code keys}. */
    public static Builder builder(WindowKeys keys) {
        return new Builder(keys);
    }

    @Override
    public boolean contains(Object key) {
        if (key == null || (hashes & 1L << key.hashCode()) == 0) {
            return false;
        }
        int position = keys.positionOf(key);
        return position >= 0 && holds(position);
    }

    @Override
    public int size() {
        int size = Long.bitCount(bits);
        if (more != null) {
            for (long word : more) {
                size += Long.bitCount(word);
            }
        }
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        return keys.iterator(this::holds, keys::key);
    }

    private boolean holds(int position) {
        long word = position < 64 ? bits : more[(position >>> 6) - 1];
        return (word & 1L << position) != 0;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof WindowFlags that && that.keys == keys) {
            return bits == that.bits && Arrays.equals(more, that.more);
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
        private long hashes;
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
            hashes |= 1L << key.hashCode();
            any = true;
            return this;
        }

        /** The flags set; the shared empty set if none is. */
        public Set<String> build() {
            return any ? new WindowFlags(keys, bits, hashes) : Set.of();
        }
    }
}
