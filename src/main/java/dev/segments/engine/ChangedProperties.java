package dev.segments.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Which properties of the contact fact differ between two versions: what Drools must re-evaluate. */
final class ChangedProperties {

    private record Property(String name, Function<Contact, Object> getter) {
    }

    private static final List<Property> PROPERTIES = List.of(
            new Property("data", Contact::getData),
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
            new Property("emailStatus", Contact::getEmailStatus),
            new Property("dnd", Contact::getDnd),
            new Property("tags", Contact::getTags),
            new Property("createdAt", Contact::getCreatedAt),
            new Property("dateOfBirth", Contact::getDateOfBirth),
            new Property("lastEmailSentAt", Contact::getLastEmailSentAt),
            new Property("lastEmailOpenedAt", Contact::getLastEmailOpenedAt),
            new Property("lastEmailClickedAt", Contact::getLastEmailClickedAt),
            new Property("customText", Contact::getCustomText),
            new Property("customNumber", Contact::getCustomNumber),
            new Property("customBoolean", Contact::getCustomBoolean),
            new Property("customTime", Contact::getCustomTime),
            new Property("originalText", Contact::getOriginalText),
            new Property("timeFlags", Contact::getTimeFlags),
            new Property("activityCounts", Contact::getActivityCounts));

    private ChangedProperties() {
    }

    static String[] between(Contact before, Contact after) {
        List<String> changed = new ArrayList<>();
        for (Property property : PROPERTIES) {
            if (!Objects.equals(property.getter().apply(before), property.getter().apply(after))) {
                changed.add(property.name());
            }
        }
        return changed.toArray(String[]::new);
    }
}
