package dev.segments.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the segments engine ({@code segments.*}). */
@ConfigurationProperties("segments")
public class SegmentsProperties {

    /** The rules directory: segment files under segments/, hand-written DRL anywhere else. */
    private Path rulesDir = Path.of("rules");

    /** Contacts (JSONL, SPEC 2) loaded at start-up; none when unset. */
    private Path contactsFile;

    /** Email events (JSONL, SPEC 3) recorded at start-up, after the contacts; none when unset. */
    private Path eventsFile;

    /** The zone in which date-only values mean midnight. */
    private String zone = "UTC";

    /** How often the rules directory is checked for edits, which are applied in place; zero turns it off. */
    private Duration reloadInterval = Duration.ofSeconds(2);

    public Path getRulesDir() {
        return rulesDir;
    }

    public void setRulesDir(Path rulesDir) {
        this.rulesDir = rulesDir;
    }

    public Path getContactsFile() {
        return contactsFile;
    }

    public void setContactsFile(Path contactsFile) {
        this.contactsFile = contactsFile;
    }

    public Path getEventsFile() {
        return eventsFile;
    }

    public void setEventsFile(Path eventsFile) {
        this.eventsFile = eventsFile;
    }

    public Duration getReloadInterval() {
        return reloadInterval;
    }

    public void setReloadInterval(Duration reloadInterval) {
        this.reloadInterval = reloadInterval;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
