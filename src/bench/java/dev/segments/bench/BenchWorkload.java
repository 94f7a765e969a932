package dev.segments.bench;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.SegmentDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything every subject is given, the same for all: segments, contacts and their past events, the change stream
 * (warm-up first, then the timed part), and one segment edit.
 */
public record BenchWorkload(List<SegmentDefinition> segments, List<ContactData> contacts, List<EmailEvent> events,
        List<Change> warmUp, List<Change> changes, SegmentDefinition edit, Instant start, ZoneId zone) {

    public BenchWorkload {
        segments = List.copyOf(segments);
        contacts = List.copyOf(contacts);
        events = List.copyOf(events);
        warmUp = List.copyOf(warmUp);
        changes = List.copyOf(changes);
    }
}
