package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.workflow.WorkflowListener;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Live segments over contacts: one {@link SegmentEngine}, or several partitions of contacts behind one view
 * ({@link PartitionedSegments}). Every method is thread-safe.
 */
public interface Segments extends AutoCloseable {

    /** Inserts the contact or replaces it whole (fields left out are cleared); its email events are kept. */
    List<MembershipChange> upsert(ContactData contact);

    /** Removes the contact and its events; its memberships end. */
    List<MembershipChange> delete(String contactId);

    /** Records an email event for an existing contact (SPEC 3). */
    List<MembershipChange> record(EmailEvent event);

    /**
     * Loads many contacts and their events: the same result as upserting each contact and then recording each event,
     * in the order given, but much cheaper, since each contact reaches the rules once. An event for a contact neither
     * loaded here nor before is refused before anything is applied.
     */
    List<MembershipChange> load(List<ContactData> contacts, List<EmailEvent> events);

    /** Moves the clock forward, stopping at every instant at which a membership can change. */
    List<MembershipChange> advanceTo(Instant instant);

    /**
     * Replaces the rules, keeping every contact; rules that do not compile are refused and the running rules stay.
     * Writes wait for the change. Queries made while Drools changes the network and the rules fire, or while a change
     * of hand-written rules starts the session afresh (as long as a load), answer as before the change.
     */
    List<MembershipChange> updateRules(RuleSources sources);

    Instant now();

    /** The next instant at which a time-driven condition changes for some contact, if any. */
    Optional<Instant> nextTimeChange();

    SortedSet<String> segmentIds();

    SortedSet<String> members(String segmentId);

    SortedSet<String> segmentsOf(String contactId);

    SortedMap<String, Integer> counts();

    Optional<ContactData> contact(String contactId);

    int contactCount();

    ZoneId zone();

    void addListener(MembershipListener listener);

    void removeListener(MembershipListener listener);

    void addWorkflowListener(WorkflowListener listener);

    @Override
    void close();
}
