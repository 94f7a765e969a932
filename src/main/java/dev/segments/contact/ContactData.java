package dev.segments.contact;

import dev.segments.definition.TimePoint;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A contact as the outside world gives it (SPEC 2), values as written. Absent fields are {@code null};
 * {@code tags} and {@code custom} are never null. Normalisation for matching happens in the engine.
 */
public record ContactData(
        String id,
        String email,
        String firstName,
        String lastName,
        String phone,
        String companyName,
        String city,
        String state,
        String country,
        String postalCode,
        String timezone,
        String source,
        TimePoint createdAt,
        TimePoint dateOfBirth,
        Set<String> tags,
        boolean dnd,
        EmailStatus emailStatus,
        TimePoint lastEmailSentAt,
        TimePoint lastEmailOpenedAt,
        TimePoint lastEmailClickedAt,
        Map<String, CustomValue> custom) {

    public ContactData {
        if (id == null || id.isEmpty() || id.length() > 128) {
            throw new IllegalArgumentException("id must be 1 to 128 characters");
        }
        tags = FrozenTags.of(tags);
        custom = FrozenCustomValues.of(custom);
        emailStatus = emailStatus == null ? EmailStatus.SUBSCRIBED : emailStatus;
    }

    /** A contact with only an id; every other field absent or at its default. */
    public static ContactData of(String id) {
        return builder(id).build();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a contact field by field; used by readers, workflows and tests. Tags and custom fields are copied only
     * when changed, so a contact built from another shares those it left alone.
     */
    public static final class Builder {
        private String id;
        private String email, firstName, lastName, phone, companyName, city, state, country, postalCode, timezone, source;
        private TimePoint createdAt, dateOfBirth, lastEmailSentAt, lastEmailOpenedAt, lastEmailClickedAt;
        private Set<String> tags = FrozenTags.of(null);
        private boolean tagsCopied;
        private boolean dnd;
        private EmailStatus emailStatus = EmailStatus.SUBSCRIBED;
        private Map<String, CustomValue> custom = FrozenCustomValues.of(null);
        private boolean customCopied;

        private Builder(String id) {
            this.id = id;
        }

        private Builder(ContactData c) {
            id = c.id; email = c.email; firstName = c.firstName; lastName = c.lastName; phone = c.phone;
            companyName = c.companyName; city = c.city; state = c.state; country = c.country;
            postalCode = c.postalCode; timezone = c.timezone; source = c.source; createdAt = c.createdAt;
            dateOfBirth = c.dateOfBirth; tags = c.tags; dnd = c.dnd; emailStatus = c.emailStatus;
            lastEmailSentAt = c.lastEmailSentAt; lastEmailOpenedAt = c.lastEmailOpenedAt;
            lastEmailClickedAt = c.lastEmailClickedAt; custom = c.custom;
        }

        public Builder email(String v) { email = v; return this; }
        public Builder firstName(String v) { firstName = v; return this; }
        public Builder lastName(String v) { lastName = v; return this; }
        public Builder phone(String v) { phone = v; return this; }
        public Builder companyName(String v) { companyName = v; return this; }
        public Builder city(String v) { city = v; return this; }
        public Builder state(String v) { state = v; return this; }
        public Builder country(String v) { country = v; return this; }
        public Builder postalCode(String v) { postalCode = v; return this; }
        public Builder timezone(String v) { timezone = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder createdAt(TimePoint v) { createdAt = v; return this; }
        public Builder dateOfBirth(TimePoint v) { dateOfBirth = v; return this; }
        public Builder tags(Set<String> v) { tags = new LinkedHashSet<>(v); tagsCopied = true; return this; }
        public Builder addTag(String v) { copiedTags().add(v); return this; }
        public Builder removeTag(String v) { copiedTags().remove(v); return this; }
        public Builder dnd(boolean v) { dnd = v; return this; }
        public Builder emailStatus(EmailStatus v) { emailStatus = v; return this; }
        public Builder lastEmailSentAt(TimePoint v) { lastEmailSentAt = v; return this; }
        public Builder lastEmailOpenedAt(TimePoint v) { lastEmailOpenedAt = v; return this; }
        public Builder lastEmailClickedAt(TimePoint v) { lastEmailClickedAt = v; return this; }
        public Builder custom(Map<String, CustomValue> v) {
            custom = new LinkedHashMap<>(v);
            customCopied = true;
            return this;
        }
        public Builder custom(String name, CustomValue v) { copiedCustom().put(name, v); return this; }

        private Set<String> copiedTags() {
            if (!tagsCopied) {
                tags = new LinkedHashSet<>(tags);
                tagsCopied = true;
            }
            return tags;
        }

        private Map<String, CustomValue> copiedCustom() {
            if (!customCopied) {
                custom = new LinkedHashMap<>(custom);
                customCopied = true;
            }
            return custom;
        }

        public ContactData build() {
            return new ContactData(id, email, firstName, lastName, phone, companyName, city, state, country,
                    postalCode, timezone, source, createdAt, dateOfBirth, tags, dnd, emailStatus, lastEmailSentAt,
                    lastEmailOpenedAt, lastEmailClickedAt, custom);
        }
    }
}
