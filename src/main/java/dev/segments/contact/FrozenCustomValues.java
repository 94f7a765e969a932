package dev.segments.contact;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A contact's custom fields: in the order given, and no one can change them. Shared, like {@link FrozenTags}, by a
 * contact made from another with its custom fields untouched.
 */
final class FrozenCustomValues extends AbstractMap<String, CustomValue> {

    private static final FrozenCustomValues NONE = new FrozenCustomValues(new LinkedHashMap<>());

    private final LinkedHashMap<String, CustomValue> values;

    private FrozenCustomValues(LinkedHashMap<String, CustomValue> values) {
        this.values = values;
    }

    /** The values themselves if already frozen, else a frozen copy. */
    static Map<String, CustomValue> of(Map<String, CustomValue> values) {
        if (values instanceof FrozenCustomValues frozen) {
            return frozen;
        }
        return values == null || values.isEmpty() ? NONE : new FrozenCustomValues(new LinkedHashMap<>(values));
    }

    @Override
    public Set<Entry<String, CustomValue>> entrySet() {
        return Collections.unmodifiableMap(values).entrySet();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super CustomValue> action) {
        values.forEach(action);
    }

    @Override
    public CustomValue get(Object name) {
        return values.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return values.containsKey(name);
    }

    @Override
    public int size() {
        return values.size();
    }
}
