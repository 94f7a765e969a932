package dev.segments.engine;

import dev.segments.drl.PropertyParts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which properties of the contact fact differ between two versions: what Drools must re-evaluate. A changed tag, time
 * flag or activity count also names the part of its key ({@link PropertyParts}), which generated rules read.
 */
final class ChangedProperties {

    private record Property(String name, Function<Contact, Object> getter) {
    }

    /**
     * Properties read from one part of the normalised contact. {@link NormalizedContact#of} shares a part whose inputs
     * did not change, so a shared part means none of its properties changed and they need no comparing.
     */
    private record Part(Function<NormalizedContact, Object> part, List<Property> properties) {
    }

    /** The properties read from the contact as given; originalText and data are compared apart (below). */
    private static final List<Part> FROM_DATA = List.of(
            new Part(NormalizedContact::text, List.of(
                    new Property("email", Contact::getEmail),
                    new Property("firstName", Contact::getFirstName),
                    new Property("lastName", Contact::getLastName),
                    new Property("phone", Contact::getPhone),
                    new Property("companyName", Contact::getCompanyName),
                    new Property("city", Contact::getCity),
                    new Property("state", Contact::getState),
                    new Property("country", Contact::getCountry),
                    new Property("postalCode", Contact::getPostalCode),
                    new Property("timezone", Contact::getTimezone),
                    new Property("source", Contact::getSource),
                    new Property("emailStatus", Contact::getEmailStatus))),
            new Part(NormalizedContact::tags, List.of(
                    new Property("tags", Contact::getTags),
                    new Property("tagsEmpty", Contact::isTagsEmpty))),
            new Part(NormalizedContact::time, List.of(
                    new Property("createdAt", Contact::getCreatedAt),
                    new Property("dateOfBirth", Contact::getDateOfBirth),
                    new Property("lastEmailSentAt", Contact::getLastEmailSentAt),
                    new Property("lastEmailOpenedAt", Contact::getLastEmailOpenedAt),
                    new Property("lastEmailClickedAt", Contact::getLastEmailClickedAt))),
            new Part(NormalizedContact::customText, List.of(new Property("customText", Contact::getCustomText))),
            new Part(NormalizedContact::customNumber,
                    List.of(new Property("customNumber", Contact::getCustomNumber))),
            new Part(NormalizedContact::customBoolean,
                    List.of(new Property("customBoolean", Contact::getCustomBoolean))),
            new Part(NormalizedContact::customTime, List.of(new Property("customTime", Contact::getCustomTime))));

    private ChangedProperties() {
    }

    /** Every property that differs, with the part of every tag that differs. */
    static String[] between(Contact before, Contact after) {
        return between(before, after, tag -> true);
    }

    /**
     * Every property that differs, with the part of each differing tag that {@code tagRead} accepts. A part is the
     * whole tags under another name that only generated rules read, each for its own tags: a tag that no generated
     * rule reads changes none of their constraints, so its part need not be named.
     */
    static String[] between(Contact before, Contact after, Predicate<String> tagRead) {
        Set<String> changed = new LinkedHashSet<>();
        if (!sameOriginalText(before, after)) {
            changed.add("originalText");
        }
        if (!Objects.equals(before.getDnd(), after.getDnd())) {
            changed.add("dnd"); // read from the contact as given, not from a normalised part
        }
        for (Part part : FROM_DATA) {
            if (part.part().apply(before.normalized()) == part.part().apply(after.normalized())) {
                continue;
            }
            for (Property property : part.properties()) {
                if (!Objects.equals(property.getter().apply(before), property.getter().apply(after))) {
                    changed.add(property.name());
                }
            }
        }
        // A value read from the contact as given changed, so it did; else compare it whole (a record's equals walks
        // every field, tags and custom values): an upsert of an unchanged contact must not update the fact at all.
        if (!changed.isEmpty() || !Objects.equals(before.getData(), after.getData())) {
            changed.add("data");
        }
        if (!before.getTimeFlags().equals(after.getTimeFlags())) {
            changed.add("timeFlags");
        }
        if (!before.getActivityCounts().equals(after.getActivityCounts())) {
            changed.add("activityCounts");
        }
        if (changed.contains("tags")) {
            differingKeys(before.getTags(), after.getTags(), tagRead, PropertyParts::tags, changed);
        }
        if (changed.contains("timeFlags")) {
            differingKeys(before.getTimeFlags(), after.getTimeFlags(), key -> true, PropertyParts::timeFlags, changed);
        }
        if (changed.contains("activityCounts")) {
            differingCounts(before.getActivityCounts(), after.getActivityCounts(), changed);
        }
        return changed.toArray(String[]::new);
    }

    /**
     * The text as written is the same when the normalised standard text and custom text are shared objects: {@link
     * NormalizedContact#of} shares them only when the text as written did not change. Otherwise, compared field by
     * field.
     */
    private static boolean sameOriginalText(Contact before, Contact after) {
        NormalizedContact a = before.normalized();
        NormalizedContact b = after.normalized();
        if (a.text() == b.text() && a.customText() == b.customText()) {
            return true;
        }
        return before.getOriginalText().equals(after.getOriginalText());
    }

    /**
     * After the windows changed, between two versions of a contact that differ only in keys of added or removed
     * windows: {@code timeFlags} and {@code activityCounts} if they differ, never their parts. Only rules of the old
     * or new windows read those keys by part, and they are the rules being removed or not yet added; hand-written
     * rules, which read the whole collections, are told.
     */
    static String[] ofWindowChange(Contact before, Contact after) {
        boolean flags = !before.getTimeFlags().equals(after.getTimeFlags());
        boolean counts = !before.getActivityCounts().equals(after.getActivityCounts());
        if (flags && counts) {
            return new String[] {"timeFlags", "activityCounts"};
        }
        return flags ? new String[] {"timeFlags"} : counts ? new String[] {"activityCounts"} : new String[0];
    }

    private static void differingKeys(Set<String> before, Set<String> after, Predicate<String> read,
            Function<String, String> part, Set<String> changed) {
        for (String key : before) {
            if (!after.contains(key) && read.test(key)) {
                changed.add(part.apply(key));
            }
        }
        for (String key : after) {
            if (!before.contains(key) && read.test(key)) {
                changed.add(part.apply(key));
            }
        }
    }

    private static void differingCounts(Map<String, Integer> before, Map<String, Integer> after, Set<String> changed) {
        before.forEach((key, count) -> {
            if (!count.equals(after.get(key))) {
                changed.add(PropertyParts.activityCounts(key));
            }
        });
        after.forEach((key, count) -> {
            if (!before.containsKey(key)) {
                changed.add(PropertyParts.activityCounts(key));
            }
        });
    }
}
