package dev.segments.autoconfigure;

import java.nio.file.Path;
import dev.segments.engine.ContactWalk;
import dev.segments.engine.MembershipFacts;
import dev.segments.workflow.WorkflowSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the segments engine ({@code segments.*}). */
@ConfigurationProperties("segments")
public class SegmentsProperties {

    /** The rules directory: segment files under segments/, hand-written DRL anywhere else. */
    private Path rulesDir = Path.of("rules");

    /** BPMN2 workflows started by segment changes; none when the directory does not exist. */
    private Path workflowsDir = Path.of("workflows");

    /** How many cascade steps (workflow changes moving contacts into more workflows) one change may take. */
    private int maxCascadeSteps = WorkflowSettings.DEFAULT_MAX_CASCADE_STEPS;

    /**
     * Independent partitions of contacts, each with its own KIE session and writer thread; 1 is one engine. Writes for
     * contacts of different partitions run in parallel.
     */
    private int partitions = 1;

    /** Contacts (JSONL, SPEC 2) loaded at start-up; none when unset. */
    private Path contactsFile;

    /** Email events (JSONL, SPEC 3) recorded at start-up, after the contacts; none when unset. */
    private Path eventsFile;

    /** The zone in which date-only values mean midnight. */
    private String zone = "UTC";

    /**
     * Which segments keep their memberships as SegmentMembership facts in the KIE session: OBSERVED (default) only
     * those some rule can read (memberOf targets, hand-written segments, segments a hand-written pattern on
     * SegmentMembership names), the rest kept from rule matches at a bit per membership; ALL every segment.
     */
    private MembershipFacts membershipFacts = MembershipFacts.OBSERVED;

    /**
     * How a contact's change reaches the rules: TARGETED (default) visits only the rule inputs that read what changed;
     * DROOLS uses Drools' own update, which walks every input of the contact type (for comparison and safety).
     */
    private ContactWalk contactWalk = ContactWalk.TARGETED;

    /** How often the rules directory is checked for edits, which are applied in place; zero turns it off. */
    private Duration reloadInterval = Duration.ofSeconds(2);

    public Path getRulesDir() {
        return rulesDir;
    }

    public void setRulesDir(Path rulesDir) {
        this.rulesDir = rulesDir;
    }

    public Path getWorkflowsDir() {
        return workflowsDir;
    }

    public void setWorkflowsDir(Path workflowsDir) {
        this.workflowsDir = workflowsDir;
    }

    public int getMaxCascadeSteps() {
        return maxCascadeSteps;
    }

    public void setMaxCascadeSteps(int maxCascadeSteps) {
        this.maxCascadeSteps = maxCascadeSteps;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
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

    public ContactWalk getContactWalk() {
        return contactWalk;
    }

    public void setContactWalk(ContactWalk contactWalk) {
        this.contactWalk = contactWalk;
    }

    public MembershipFacts getMembershipFacts() {
        return membershipFacts;
    }

    public void setMembershipFacts(MembershipFacts membershipFacts) {
        this.membershipFacts = membershipFacts;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
