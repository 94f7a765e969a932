package dev.segments.bench.floor;

import dev.segments.bench.BenchSubject;
import dev.segments.bench.Change;
import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.TimePoint;
import dev.segments.validation.SegmentSetValidator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The floor: the naive plain-Java baseline. Each segment is compiled once into a tree of small predicates; a changed
 * contact is re-evaluated against every segment, and a clock move re-evaluates every contact against every segment.
 * Memberships are kept as one bit set per segment over contact ordinals. Not thread-safe.
 */
public final class FloorSubject implements BenchSubject {

    private final ZoneId zone;
    private long now;

    private final List<SegmentDefinition> segments;
    private final Map<String, Integer> segmentIndex = new HashMap<>();
    private final CompiledCondition[] compiled;
    private final BitSet[] members;
    private final ConditionCompiler compiler;
    private final Evaluation evaluation;

    private final Map<String, Integer> contactIndex = new HashMap<>();
    private final List<String> contactIds = new ArrayList<>();
    private final List<NormalisedContact> contacts = new ArrayList<>();
    private final List<EventLog> events = new ArrayList<>();

    /** @param segments valid together ({@code memberOf} only to known segments, no cycles) */
    public FloorSubject(List<SegmentDefinition> segments, ZoneId zone, Instant start) {
        this.zone = zone;
        this.now = start.toEpochMilli();
        this.segments = new ArrayList<>(segments);
        for (int i = 0; i < segments.size(); i++) {
            if (segmentIndex.putIfAbsent(segments.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate segment id " + segments.get(i).id());
            }
        }
        this.compiler = new ConditionCompiler(zone, segmentIndex);
        this.compiled = new CompiledCondition[segments.size()];
        this.members = new BitSet[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            compiled[i] = compiler.compile(segments.get(i).match());
            members[i] = new BitSet();
        }
        this.evaluation = new Evaluation(compiled);
    }

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public void load(List<ContactData> newContacts, List<EmailEvent> newEvents) {
        Map<Integer, ContactData> loaded = new HashMap<>();
        for (ContactData c : newContacts) {
            loaded.put(ordinalFor(c.id()), c);
        }
        for (EmailEvent e : newEvents) {
            int ordinal = ordinalOf(e.contactId());
            events.get(ordinal).add(e);
            ContactData current = loaded.containsKey(ordinal) ? loaded.get(ordinal) : contacts.get(ordinal).data();
            loaded.put(ordinal, withEvent(current, e));
        }
        loaded.forEach((ordinal, data) -> {
            contacts.set(ordinal, new NormalisedContact(data, zone));
            evaluateContact(ordinal);
        });
    }

    @Override
    public void apply(Change change) {
        int ordinal = ordinalOf(change.contactId());
        if (change instanceof Change.Edit edit) {
            contacts.set(ordinal, new NormalisedContact(edit.after(), zone));
        } else if (change instanceof Change.Event event) {
            events.get(ordinal).add(event.event());
            ContactData before = contacts.get(ordinal).data();
            ContactData after = withEvent(before, event.event());
            if (!after.equals(before)) {
                contacts.set(ordinal, new NormalisedContact(after, zone));
            }
        }
        evaluateContact(ordinal);
    }

    @Override
    public long advanceTo(Instant instant) {
        now = instant.toEpochMilli();
        long changed = 0;
        for (int ordinal = 0; ordinal < contacts.size(); ordinal++) {
            changed += evaluateContact(ordinal);
        }
        return changed;
    }

    @Override
    public long replaceSegment(SegmentDefinition segment) {
        Integer index = segmentIndex.get(segment.id());
        if (index == null) {
            throw new IllegalArgumentException("unknown segment " + segment.id());
        }
        segments.set(index, segment);
        compiled[index] = compiler.compile(segment.match());
        int[] affected = withDependents(index);
        long changed = 0;
        for (int ordinal = 0; ordinal < contacts.size(); ordinal++) {
            evaluation.reset(contacts.get(ordinal), events.get(ordinal), now);
            for (int s : affected) {
                changed += record(s, ordinal, evaluation.isMember(s));
            }
        }
        return changed;
    }

    @Override
    public SortedMap<String, Integer> counts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < segments.size(); i++) {
            counts.put(segments.get(i).id(), members[i].cardinality());
        }
        return counts;
    }

    /** The ids of a segment's members, sorted. */
    public SortedSet<String> members(String segmentId) {
        Integer index = segmentIndex.get(segmentId);
        if (index == null) {
            throw new IllegalArgumentException("unknown segment " + segmentId);
        }
        SortedSet<String> ids = new TreeSet<>();
        members[index].stream().forEach(ordinal -> ids.add(contactIds.get(ordinal)));
        return ids;
    }

    @Override
    public void close() {
    }

    /** Re-evaluates every segment for one contact; returns how many of its memberships changed. */
    private int evaluateContact(int ordinal) {
        evaluation.reset(contacts.get(ordinal), events.get(ordinal), now);
        int changed = 0;
        for (int s = 0; s < compiled.length; s++) {
            changed += record(s, ordinal, evaluation.isMember(s));
        }
        return changed;
    }

    private int record(int segment, int ordinal, boolean member) {
        if (members[segment].get(ordinal) == member) {
            return 0;
        }
        members[segment].set(ordinal, member);
        return 1;
    }

    /** The segment and every segment that depends on it through {@code memberOf}, directly or not. */
    private int[] withDependents(int index) {
        BitSet affected = new BitSet();
        affected.set(index);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int s = 0; s < segments.size(); s++) {
                if (!affected.get(s) && SegmentSetValidator.memberOfs(segments.get(s).match()).stream()
                        .anyMatch(m -> affected.get(segmentIndex.get(m.segmentId())))) {
                    affected.set(s);
                    grew = true;
                }
            }
        }
        return affected.stream().toArray();
    }

    private int ordinalFor(String contactId) {
        Integer known = contactIndex.get(contactId);
        if (known != null) {
            return known;
        }
        int ordinal = contacts.size();
        contactIndex.put(contactId, ordinal);
        contactIds.add(contactId);
        contacts.add(null);
        events.add(new EventLog());
        return ordinal;
    }

    private int ordinalOf(String contactId) {
        Integer ordinal = contactIndex.get(contactId);
        if (ordinal == null) {
            throw new IllegalArgumentException("unknown contact " + contactId);
        }
        return ordinal;
    }

    /**
     * SPEC 3: {@code email.sent}, {@code email.opened}, {@code email.clicked} move their {@code lastEmail<Type>At}
     * forward, never back; {@code email.bounced} and {@code email.unsubscribed} set the email status.
     */
    private ContactData withEvent(ContactData c, EmailEvent e) {
        return switch (e.type()) {
            case SENT -> later(c.lastEmailSentAt(), e.at()) ? c.toBuilder().lastEmailSentAt(at(e)).build() : c;
            case OPENED -> later(c.lastEmailOpenedAt(), e.at()) ? c.toBuilder().lastEmailOpenedAt(at(e)).build() : c;
            case CLICKED -> later(c.lastEmailClickedAt(), e.at()) ? c.toBuilder().lastEmailClickedAt(at(e)).build() : c;
            case BOUNCED -> c.emailStatus() == EmailStatus.BOUNCED ? c : c.toBuilder().emailStatus(EmailStatus.BOUNCED).build();
            case UNSUBSCRIBED -> c.emailStatus() == EmailStatus.UNSUBSCRIBED ? c
                    : c.toBuilder().emailStatus(EmailStatus.UNSUBSCRIBED).build();
            case DELIVERED -> c;
        };
    }

    private boolean later(TimePoint current, Instant at) {
        return current == null || current.resolve(zone).toEpochMilli() < at.toEpochMilli();
    }

    private static TimePoint at(EmailEvent e) {
        return new TimePoint.AtInstant(e.at());
    }
}
