package dev.segments.bench.run;

import dev.segments.bench.BenchWorkload;
import dev.segments.bench.Change;
import dev.segments.bench.workload.ChangeStream;
import dev.segments.bench.workload.SegmentEdits;
import dev.segments.bench.workload.Workload;
import dev.segments.definition.Condition;
import dev.segments.definition.SegmentDefinition;
import dev.segments.validation.SegmentSetValidator;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The run's workload, from its seed. */
final class Workloads {

    static final int EVENTS_PER_CONTACT = 10;

    private Workloads() {
    }

    /** Realistic contacts with about ten email events each, segments of every kind, changes and one edit. */
    static BenchWorkload generate(BenchConfig config) {
        Workload base = Workload.generate(config.seed(), config.contacts(), EVENTS_PER_CONTACT, config.segments());
        List<Change> changes = new ChangeStream(config.seed() + 1).changes(base.contacts(), Workload.START,
                config.warmUp() + config.changes());
        SegmentDefinition edited = new SegmentEdits(config.seed() + 2)
                .edited(base.segments().get(base.segments().size() / 2));
        return new BenchWorkload(base.segments(), base.contacts(), base.events(), changes.subList(0, config.warmUp()),
                changes.subList(config.warmUp(), changes.size()), edited, Workload.START, ZoneOffset.UTC);
    }

    /**
     * A change stream of its own for the partition comparison, from the contacts as loaded: 40 changes per 100, at most
     * 200,000. At a million contacts each timed half then lasts a few seconds, so that one young collection (about half
     * a second there) no longer decides the comparison; the pauses are reported beside it.
     */
    static List<Change> partitionChanges(BenchConfig config, BenchWorkload workload) {
        int count = Math.max(4_000, Math.min(200_000, workload.contacts().size() * 4 / 10));
        return new ChangeStream(config.seed() + 3).changes(workload.contacts(), workload.start(), count);
    }

    /** The segment and every segment that refers to it through {@code memberOf}, directly or not. */
    static Set<String> withDependents(List<SegmentDefinition> segments, String segmentId) {
        Set<String> affected = new LinkedHashSet<>(List.of(segmentId));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SegmentDefinition segment : segments) {
                if (!affected.contains(segment.id()) && refersToAny(segment.match(), affected)) {
                    affected.add(segment.id());
                    grew = true;
                }
            }
        }
        return affected;
    }

    private static boolean refersToAny(Condition condition, Set<String> ids) {
        return SegmentSetValidator.memberOfs(condition).stream().anyMatch(m -> ids.contains(m.segmentId()));
    }
}
