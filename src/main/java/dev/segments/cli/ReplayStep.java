package dev.segments.cli;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import java.time.Instant;

/** One line of a replay input (SPEC 7), checked. */
sealed interface ReplayStep {

    Instant at();

    record Upsert(Instant at, ContactData contact) implements ReplayStep {
    }

    record Delete(Instant at, String contactId) implements ReplayStep {
    }

    record Event(Instant at, EmailEvent event) implements ReplayStep {
    }

    record Tick(Instant at) implements ReplayStep {
    }
}
