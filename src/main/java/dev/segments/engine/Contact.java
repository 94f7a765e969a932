package dev.segments.engine;

import dev.segments.contact.ContactData;
import java.util.Map;
import java.util.Set;

/**
 * The contact fact that segment rules match. Immutable; the engine replaces it on every change and tells Drools
 * which properties changed, so only rules reading those properties are re-evaluated (property reactivity).
 *
 * <p>Text values and tags are normalised once here (trimmed, lower-cased with {@code Locale.ROOT}, blank as
 * {@code null}), so rule constraints are plain comparisons that Drools shares across segments. Instants are epoch
 * milliseconds. {@code timeFlags} and {@code activityCounts} hold the engine-maintained truth of relative-time
 * conditions and activity counts at the engine's clock (see {@code dev.segments.time}).
 */
public final class Contact {

    private final ContactData data;
    private final String email, firstName, lastName, phone, companyName, city, state, country, postalCode, timezone,
            source, emailStatus;
    private final Boolean dnd;
    private final Set<String> tags;
    private final Long createdAt, dateOfBirth, lastEmailSentAt, lastEmailOpenedAt, lastEmailClickedAt;
    private final Map<String, String> customText;
    private final Map<String, Double> customNumber;
    private final Map<String, Boolean> customBoolean;
    private final Map<String, Long> customTime;
    private final Set<String> timeFlags;
    private final Map<String, Integer> activityCounts;

    Contact(ContactData data, NormalizedContact n, Set<String> timeFlags, Map<String, Integer> activityCounts) {
        this.data = data;
        this.email = n.text().email();
        this.firstName = n.text().firstName();
        this.lastName = n.text().lastName();
        this.phone = n.text().phone();
        this.companyName = n.text().companyName();
        this.city = n.text().city();
        this.state = n.text().state();
        this.country = n.text().country();
        this.postalCode = n.text().postalCode();
        this.timezone = n.text().timezone();
        this.source = n.text().source();
        this.emailStatus = n.text().emailStatus();
        this.dnd = data.dnd();
        this.tags = n.tags();
        this.createdAt = n.time().get("createdAt");
        this.dateOfBirth = n.time().get("dateOfBirth");
        this.lastEmailSentAt = n.time().get("lastEmailSentAt");
        this.lastEmailOpenedAt = n.time().get("lastEmailOpenedAt");
        this.lastEmailClickedAt = n.time().get("lastEmailClickedAt");
        this.customText = n.customText();
        this.customNumber = n.customNumber();
        this.customBoolean = n.customBoolean();
        this.customTime = n.customTime();
        this.timeFlags = Set.copyOf(timeFlags);
        this.activityCounts = Map.copyOf(activityCounts);
    }

    /** The contact as given, values as written. */
    public ContactData getData() { return data; }
    public String getId() { return data.id(); }
    public String getEmail() { return email; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getPhone() { return phone; }
    public String getCompanyName() { return companyName; }
    public String getCity() { return city; }
    public String getState() { return state; }
    public String getCountry() { return country; }
    public String getPostalCode() { return postalCode; }
    public String getTimezone() { return timezone; }
    public String getSource() { return source; }
    public String getEmailStatus() { return emailStatus; }
    public Boolean getDnd() { return dnd; }
    public Set<String> getTags() { return tags; }
    public Long getCreatedAt() { return createdAt; }
    public Long getDateOfBirth() { return dateOfBirth; }
    public Long getLastEmailSentAt() { return lastEmailSentAt; }
    public Long getLastEmailOpenedAt() { return lastEmailOpenedAt; }
    public Long getLastEmailClickedAt() { return lastEmailClickedAt; }
    public Map<String, String> getCustomText() { return customText; }
    public Map<String, Double> getCustomNumber() { return customNumber; }
    public Map<String, Boolean> getCustomBoolean() { return customBoolean; }
    public Map<String, Long> getCustomTime() { return customTime; }
    /** Trimmed text values as written (case kept), by field name ({@code state}, {@code custom.plan}): for {@code matches}. */
    public Map<String, String> getOriginalText() { return new OriginalText(data); }
    public Set<String> getTimeFlags() { return timeFlags; }
    public Map<String, Integer> getActivityCounts() { return activityCounts; }

    // The same collections under the names of their parts (dev.segments.drl.PropertyParts): generated rules read the
    // part of their key, so that Drools re-evaluates them only when a key of that part changes.
    public Set<String> getTagsPart0() { return tags; }
    public Set<String> getTagsPart1() { return tags; }
    public Set<String> getTagsPart2() { return tags; }
    public Set<String> getTagsPart3() { return tags; }
    public Set<String> getTagsPart4() { return tags; }
    public Set<String> getTagsPart5() { return tags; }
    public Set<String> getTagsPart6() { return tags; }
    public Set<String> getTagsPart7() { return tags; }
    public Set<String> getTagsPart8() { return tags; }
    public Set<String> getTagsPart9() { return tags; }
    public Set<String> getTagsPart10() { return tags; }
    public Set<String> getTagsPart11() { return tags; }
    public Set<String> getTagsPart12() { return tags; }
    public Set<String> getTagsPart13() { return tags; }
    public Set<String> getTagsPart14() { return tags; }
    public Set<String> getTagsPart15() { return tags; }
    public Set<String> getTimeFlagsPart0() { return timeFlags; }
    public Set<String> getTimeFlagsPart1() { return timeFlags; }
    public Set<String> getTimeFlagsPart2() { return timeFlags; }
    public Set<String> getTimeFlagsPart3() { return timeFlags; }
    public Set<String> getTimeFlagsPart4() { return timeFlags; }
    public Set<String> getTimeFlagsPart5() { return timeFlags; }
    public Set<String> getTimeFlagsPart6() { return timeFlags; }
    public Set<String> getTimeFlagsPart7() { return timeFlags; }
    public Map<String, Integer> getActivityCountsPart0() { return activityCounts; }
    public Map<String, Integer> getActivityCountsPart1() { return activityCounts; }
    public Map<String, Integer> getActivityCountsPart2() { return activityCounts; }
    public Map<String, Integer> getActivityCountsPart3() { return activityCounts; }
    public Map<String, Integer> getActivityCountsPart4() { return activityCounts; }
    public Map<String, Integer> getActivityCountsPart5() { return activityCounts; }
    public Map<String, Integer> getActivityCountsPart6() { return activityCounts; }
    public Map<String, Integer> getActivityCountsPart7() { return activityCounts; }

    @Override
    public String toString() {
        return "Contact[" + getId() + "]";
    }
}
