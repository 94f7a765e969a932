package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.time.WindowCounts;
import dev.segments.time.WindowFlags;
import java.util.Map;
import java.util.Set;

/**
 * The contact fact that segment rules match. Rules only read it; the engine keeps one fact per contact and changes it
 * in place on every change ({@link #takeValuesOf}), telling Drools which properties changed, so only rules reading
 * those properties are re-evaluated (property reactivity). A new object per change would cost Drools a removal and an
 * insertion in its identity map of facts on every update, a tenth of a change that few rules read.
 *
 * <p>Its getters read the values normalised once per change ({@link NormalizedContact}: text and tags trimmed,
 * lower-cased with {@code Locale.ROOT}, blank as {@code null}), so rule constraints are plain comparisons that Drools
 * shares across segments; the fact itself holds no copy of them. Instants are epoch
 * milliseconds. {@code timeFlags} and {@code activityCounts} hold the engine-maintained truth of relative-time
 * conditions and activity counts at the engine's clock (see {@code dev.segments.time}).
 */
public final class Contact {

    private final int ordinal;
    private ContactData data;
    private NormalizedContact normalized;
    private Set<String> timeFlags;
    private Map<String, Integer> activityCounts;

    Contact(int ordinal, ContactData data, NormalizedContact n, Set<String> timeFlags,
            Map<String, Integer> activityCounts) {
        this.ordinal = ordinal;
        this.data = data;
        this.normalized = n;
        // The engine's flags and counts are immutable already, and shared with the contact's time state
        this.timeFlags = timeFlags instanceof WindowFlags ? timeFlags : Set.copyOf(timeFlags);
        this.activityCounts = activityCounts instanceof WindowCounts ? activityCounts : Map.copyOf(activityCounts);
    }

    /**
     * Takes the values of {@code next}, a new version of the same contact, before Drools is told what changed: work
     * out the changed properties ({@link ChangedProperties}) first, while this fact still holds the old values.
     */
    void takeValuesOf(Contact next) {
        if (next.ordinal != ordinal) {
            throw new IllegalArgumentException("contact " + next.getId() + " is not the contact of this fact");
        }
        this.data = next.data;
        this.normalized = next.normalized;
        this.timeFlags = next.timeFlags;
        this.activityCounts = next.activityCounts;
    }

    /**
     * The contact's ordinal in the engine's membership bitmaps, so a rule match finds its bit without looking the id
     * up. Not a bean property: rules do not read it, and Drools does not watch it.
     */
    int ordinal() { return ordinal; }

    /** The normalised values this fact reads. */
    NormalizedContact normalized() { return normalized; }

    /** The contact as given, values as written. */
    public ContactData getData() { return data; }
    public String getId() { return data.id(); }
    public String getEmail() { return normalized.text().email(); }
    public String getFirstName() { return normalized.text().firstName(); }
    public String getLastName() { return normalized.text().lastName(); }
    public String getPhone() { return normalized.text().phone(); }
    public String getCompanyName() { return normalized.text().companyName(); }
    public String getCity() { return normalized.text().city(); }
    public String getState() { return normalized.text().state(); }
    public String getCountry() { return normalized.text().country(); }
    public String getPostalCode() { return normalized.text().postalCode(); }
    public String getTimezone() { return normalized.text().timezone(); }
    public String getSource() { return normalized.text().source(); }
    public String getEmailStatus() { return normalized.text().emailStatus(); }
    public Boolean getDnd() { return data.dnd(); }
    public Set<String> getTags() { return normalized.tags(); }
    /** Whether the contact has no tag: what {@code tags isEmpty} reads, which most tag changes leave as it was. */
    public boolean isTagsEmpty() { return normalized.tags().isEmpty(); }
    public Long getCreatedAt() { return normalized.time().createdAt(); }
    public Long getDateOfBirth() { return normalized.time().dateOfBirth(); }
    public Long getLastEmailSentAt() { return normalized.time().lastEmailSentAt(); }
    public Long getLastEmailOpenedAt() { return normalized.time().lastEmailOpenedAt(); }
    public Long getLastEmailClickedAt() { return normalized.time().lastEmailClickedAt(); }
    public Map<String, String> getCustomText() { return normalized.customText(); }
    public Map<String, Double> getCustomNumber() { return normalized.customNumber(); }
    public Map<String, Boolean> getCustomBoolean() { return normalized.customBoolean(); }
    public Map<String, Long> getCustomTime() { return normalized.customTime(); }
    /** Trimmed text values as written (case kept), by field name ({@code state}, {@code custom.plan}): for {@code matches}. */
    public Map<String, String> getOriginalText() { return new OriginalText(data); }
    public Set<String> getTimeFlags() { return timeFlags; }
    public Map<String, Integer> getActivityCounts() { return activityCounts; }

    // The same collections under the names of their parts (dev.segments.drl.PropertyParts): generated rules read the
    // part of their key, so that Drools re-evaluates them only when a key of that part changes.
    public Set<String> getTagsPart0() { return normalized.tags(); }
    public Set<String> getTagsPart1() { return normalized.tags(); }
    public Set<String> getTagsPart2() { return normalized.tags(); }
    public Set<String> getTagsPart3() { return normalized.tags(); }
    public Set<String> getTagsPart4() { return normalized.tags(); }
    public Set<String> getTagsPart5() { return normalized.tags(); }
    public Set<String> getTagsPart6() { return normalized.tags(); }
    public Set<String> getTagsPart7() { return normalized.tags(); }
    public Set<String> getTagsPart8() { return normalized.tags(); }
    public Set<String> getTagsPart9() { return normalized.tags(); }
    public Set<String> getTagsPart10() { return normalized.tags(); }
    public Set<String> getTagsPart11() { return normalized.tags(); }
    public Set<String> getTagsPart12() { return normalized.tags(); }
    public Set<String> getTagsPart13() { return normalized.tags(); }
    public Set<String> getTagsPart14() { return normalized.tags(); }
    public Set<String> getTagsPart15() { return normalized.tags(); }
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
