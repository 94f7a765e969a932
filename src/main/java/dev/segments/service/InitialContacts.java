package dev.segments.service;

import dev.segments.autoconfigure.SegmentsProperties;
import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.io.ContactFiles;
import dev.segments.engine.Segments;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Loads the configured contacts and events into the engine at start-up (until the database comes). */
@Component
class InitialContacts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialContacts.class);

    private final Segments engine;
    private final SegmentsProperties properties;

    InitialContacts(Segments engine, SegmentsProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.getContactsFile() == null) {
            return;
        }
        if (!Files.exists(properties.getContactsFile())) {
            log.warn("no contacts loaded: {} does not exist", properties.getContactsFile().toAbsolutePath());
            return;
        }
        // Both files are read and checked before anything is applied: a bad line loads nothing.
        List<ContactData> contacts = ContactFiles.contacts(properties.getContactsFile());
        List<EmailEvent> events = properties.getEventsFile() != null && Files.exists(properties.getEventsFile())
                ? ContactFiles.eventsUpTo(properties.getEventsFile(), contacts, engine.now()) : List.of();
        engine.load(contacts, events);
        log.info("loaded {} contacts; segment counts: {}", contacts.size(), engine.counts());
    }
}
