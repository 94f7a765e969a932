package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.definition.ContactField;
import dev.segments.definition.FieldKind;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The contact's text values as written, trimmed (blank is absent), by field name ({@code state},
 * {@code custom.plan}): what {@code matches} reads. A view over the contact as given that stores nothing, since only
 * the rules of {@code matches} conditions read it and every contact would otherwise keep a second copy of its text.
 */
final class OriginalText extends AbstractMap<String, String> {

    private static final String CUSTOM = "custom.";
    private static final List<String> STANDARD = Arrays.stream(ContactField.values())
            .filter(field -> field.kind() == FieldKind.TEXT).map(ContactField::wireName).toList();

    private final ContactData data;

    OriginalText(ContactData data) {
        this.data = data;
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        return trimmed(name.startsWith(CUSTOM) ? customText(name.substring(CUSTOM.length())) : standard(name));
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        Map<String, String> all = new LinkedHashMap<>();
        STANDARD.forEach(field -> putPresent(all, field));
        data.custom().forEach((name, value) -> putPresent(all, CUSTOM + name));
        return Collections.unmodifiableMap(all).entrySet();
    }

    /** Equal maps, compared field by field without building either. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof OriginalText that)) {
            return super.equals(other);
        }
        if (data == that.data) {
            return true; // a clock move rebuilds the fact from the same contact: nothing to compare
        }
        for (String field : STANDARD) {
            if (!Objects.equals(get(field), that.get(field))) {
                return false;
            }
        }
        // A contact built from another with its custom fields untouched shares them (ContactData's frozen map)
        return data.custom() == that.data.custom() || sameCustomText(this, that) && sameCustomText(that, this);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    private static boolean sameCustomText(OriginalText a, OriginalText b) {
        // forEach, not keySet(): the contact's map would keep the key set view, 32 bytes for each contact held
        boolean[] differs = {false};
        a.data.custom().forEach((name, value) ->
                differs[0] |= !Objects.equals(trimmed(a.customText(name)), trimmed(b.customText(name))));
        return !differs[0];
    }

    private void putPresent(Map<String, String> into, String key) {
        String value = get(key);
        if (value != null) {
            into.put(key, value);
        }
    }

    private String standard(String field) {
        return switch (field) {
            case "email" -> data.email();
            case "firstName" -> data.firstName();
            case "lastName" -> data.lastName();
            case "phone" -> data.phone();
            case "companyName" -> data.companyName();
            case "city" -> data.city();
            case "state" -> data.state();
            case "country" -> data.country();
            case "postalCode" -> data.postalCode();
            case "timezone" -> data.timezone();
            case "source" -> data.source();
            case "emailStatus" -> data.emailStatus().wireName();
            default -> null;
        };
    }

    private String customText(String name) {
        return data.custom().get(name) instanceof CustomValue.Text text ? text.value() : null;
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
