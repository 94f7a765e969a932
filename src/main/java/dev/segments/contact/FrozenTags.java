package dev.segments.contact;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A contact's tags: in the order given, and no one can change them. A contact made from another with its tags
 * untouched ({@link ContactData#toBuilder}) shares this set instead of copying it, so comparing the two is an identity
 * check; an email event, which changes one timestamp, no longer copies and compares every tag.
 */
final class FrozenTags extends AbstractSet<String> {

    private static final FrozenTags NONE = new FrozenTags(new LinkedHashSet<>());

    private final LinkedHashSet<String> tags;

    private FrozenTags(LinkedHashSet<String> tags) {
        this.tags = tags;
    }

    /** The tags themselves if already frozen, else a frozen copy. */
    static Set<String> of(Collection<String> tags) {
        if (tags instanceof FrozenTags frozen) {
            return frozen;
        }
        return tags == null || tags.isEmpty() ? NONE : new FrozenTags(new LinkedHashSet<>(tags));
    }

    @Override
    public Iterator<String> iterator() {
        Iterator<String> inOrder = tags.iterator();
        return new Iterator<>() { // remove() is left unsupported
            @Override
            public boolean hasNext() {
                return inOrder.hasNext();
            }

            @Override
            public String next() {
                return inOrder.next();
            }
        };
    }

    @Override
    public void forEach(Consumer<? super String> action) {
        tags.forEach(action);
    }

    @Override
    public int size() {
        return tags.size();
    }

    @Override
    public boolean contains(Object tag) {
        return tags.contains(tag);
    }
}
