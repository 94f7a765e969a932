package dev.segments.bench.workload;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.SegmentDefinition;
import java.time.Instant;
import java.util.List;

/**
 * A seeded realistic workload as of {@link #START}: contacts (with the effects of their events already applied, as
 * SPEC 3 says), their events of the last 30 days in time order, and segment definitions.
 */
public record Workload(List<ContactData> contacts, List<EmailEvent> events, List<SegmentDefinition> segments) {

    /** The instant the workload describes; every event is at or before it. */
    public static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

    public Workload {
        contacts = List.copyOf(contacts);
        events = List.copyOf(events);
        segments = List.copyOf(segments);
    }

    /** The same seed and sizes give the same workload; each part has its own stream, so sizes do not affect others. */
    public static Workload generate(long seed, int contacts, int eventsPerContact, int segments) {
        List<ContactData> generated = new RealisticContacts(seed).contacts(contacts);
        List<EmailEvent> events = new RealisticEvents(seed).events(generated, eventsPerContact);
        return new Workload(RealisticEvents.withEffects(generated, events), events,
                new RealisticSegments(seed).segments(segments));
    }
}
