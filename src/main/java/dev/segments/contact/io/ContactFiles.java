package dev.segments.contact.io;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.Location;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contacts and events files (JSONL): every line is checked before anything is loaded, and every problem is reported
 * at its file and line.
 */
public final class ContactFiles {

    private ContactFiles() {
    }

    public static List<ContactData> contacts(Path file) {
        JsonLines lines = JsonLines.read(file);
        List<Issue> issues = new ArrayList<>();
        Map<String, Location> seen = new LinkedHashMap<>();
        List<ContactData> contacts = new ArrayList<>();
        for (JsonLines.Line line : lines.lines()) {
            try {
                ContactData contact = ContactJson.parse(line.json());
                Location previous = seen.putIfAbsent(contact.id(), lines.at(line));
                if (previous != null) {
                    issues.add(new Issue(lines.at(line), "contact \"" + contact.id()
                            + "\" is already on line " + previous.line() + "; give each contact one line"));
                } else {
                    contacts.add(contact);
                }
            } catch (ContactFormatException bad) {
                bad.problems().forEach(problem -> issues.add(new Issue(lines.at(line), problem)));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        return contacts;
    }

    /**
     * The events of the file that happened by {@code until}, in time order, each checked to name one of the contacts:
     * what a store of contacts loaded at {@code until} has seen.
     */
    public static List<EmailEvent> eventsUpTo(Path file, Collection<ContactData> contacts, Instant until) {
        Map<String, ContactData> byId = new HashMap<>();
        contacts.forEach(contact -> byId.put(contact.id(), contact));
        return events(file, byId).stream()
                .filter(event -> !event.at().isAfter(until))
                .sorted(Comparator.comparing(EmailEvent::at))
                .toList();
    }

    /** The events of the file, each checked to name a contact that exists. */
    public static List<EmailEvent> events(Path file, Map<String, ?> contactsById) {
        JsonLines lines = JsonLines.read(file);
        List<Issue> issues = new ArrayList<>();
        List<EmailEvent> events = new ArrayList<>();
        for (JsonLines.Line line : lines.lines()) {
            try {
                EmailEvent event = EmailEventJson.parse(line.json());
                if (!contactsById.containsKey(event.contactId())) {
                    issues.add(new Issue(lines.at(line), "unknown contact \"" + event.contactId()
                            + "\": an event needs a contact from the contacts file"));
                } else {
                    events.add(event);
                }
            } catch (ContactFormatException bad) {
                bad.problems().forEach(problem -> issues.add(new Issue(lines.at(line), problem)));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        return events;
    }
}
