package dev.segments.engine;

import com.carrotsearch.hppc.ObjectIntHashMap;
import java.util.Arrays;

/**
 * Dense int ordinals for contact ids, so that a membership can be one bit at (segment, ordinal). A released ordinal is
 * handed out again, which keeps the bitmaps as small as the largest population, not the number of contacts ever seen.
 * The map holds primitive ints: a {@code HashMap<String, Integer>} cost about 56 bytes per contact, this about 20.
 */
final class ContactOrdinals {

    private final ObjectIntHashMap<String> ordinals = new ObjectIntHashMap<>();
    private String[] ids = new String[1024];
    private int[] free = new int[64];
    private int freeCount;
    private int next;

    /** The id's ordinal, given one if it has none. */
    int of(String id) {
        int known = find(id);
        if (known >= 0) {
            return known;
        }
        int ordinal = freeCount > 0 ? free[--freeCount] : next++;
        if (ordinal == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[ordinal] = id;
        ordinals.put(id, ordinal);
        return ordinal;
    }

    /** The id's ordinal, or -1 if it has none. */
    int find(String id) {
        return ordinals.getOrDefault(id, -1);
    }

    String id(int ordinal) {
        return ids[ordinal];
    }

    /** Frees the ordinal; the caller makes sure no bit is set at it any more. */
    void release(int ordinal) {
        ordinals.remove(ids[ordinal]);
        ids[ordinal] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = ordinal;
    }
}
