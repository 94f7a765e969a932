package dev.segments.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.kie.api.runtime.KieSession;

/**
 * Starts the workflows that segment changes trigger, one process instance per contact, change and process, with the
 * variables {@code contactId} and {@code segmentId}, and runs their tasks against the contact. Not thread-safe: the
 * engine calls it from its single writer, one step at a time.
 */
public final class WorkflowRunner {

    private final WorkflowSettings settings;
    private final Map<String, TaskHandler> tasks;
    private Step step;

    /** What the tasks of the step being run need: the instant, the contacts, where events go. */
    private record Step(Instant at, Function<String, Optional<ContactEditor>> editors, List<WorkflowEvent> events) {
    }

    public WorkflowRunner(WorkflowSettings settings) {
        this.settings = settings;
        this.tasks = settings.allTasks();
    }

    public WorkflowSettings settings() {
        return settings;
    }

    /** Prepares a session for processes and registers every task handler in it. */
    public void attach(KieSession session) {
        tasks.keySet().forEach(name -> KogitoAdapter.registerTask(session, name, this::runTask));
    }

    /** Configures a session so that Kogito processes can run in it (call before the session is made). */
    public static void configure(org.kie.api.runtime.KieSessionConfiguration configuration) {
        KogitoAdapter.configure(configuration);
    }

    /**
     * Runs the workflows the changes trigger. Contacts that no longer exist start nothing (deleting a contact ends its
     * memberships but starts no workflow). A workflow that fails is reported as {@link WorkflowEvent.WorkflowFailed};
     * what it changed before failing stands.
     */
    public List<WorkflowEvent> run(KieSession session, WorkflowCatalog catalog, List<SegmentChange> changes,
            Instant at, Function<String, Optional<ContactEditor>> editors) {
        List<WorkflowEvent> events = new ArrayList<>();
        step = new Step(at, editors, events);
        try {
            for (SegmentChange change : changes) {
                if (editors.apply(change.contactId()).isEmpty()) {
                    continue;
                }
                for (WorkflowCatalog.Start start : catalog.startsFor(change.direction(), change.segmentId())) {
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("contactId", change.contactId());
                    variables.put("segmentId", change.segmentId());
                    KogitoAdapter.Outcome outcome;
                    try {
                        outcome = KogitoAdapter.start(session, start.processId(), variables, start.signal());
                    } catch (RuntimeException e) {
                        outcome = KogitoAdapter.Outcome.failed(KogitoAdapter.failureMessage(e));
                    }
                    if (!outcome.completed()) {
                        events.add(new WorkflowEvent.WorkflowFailed(at, start.processId(), change.contactId(),
                                outcome.failure()));
                    }
                }
            }
        } finally {
            step = null;
        }
        return events;
    }

    /** Whether any of the changes starts a workflow. */
    public static boolean triggersAny(WorkflowCatalog catalog, List<SegmentChange> changes) {
        return !catalog.isEmpty() && changes.stream().anyMatch(c -> !catalog.startsFor(c.direction(), c.segmentId()).isEmpty());
    }

    /** The failures to report when a cascade is stopped: each workflow these changes would have started. */
    public static List<WorkflowEvent> stopped(WorkflowCatalog catalog, List<SegmentChange> changes, Instant at,
            int steps) {
        List<WorkflowEvent> events = new ArrayList<>();
        for (SegmentChange change : changes) {
            for (WorkflowCatalog.Start start : catalog.startsFor(change.direction(), change.segmentId())) {
                events.add(new WorkflowEvent.WorkflowFailed(at, start.processId(), change.contactId(),
                        "cascade did not settle after " + steps + " steps; stopped before " + start.signal()));
            }
        }
        return events;
    }

    private void runTask(String taskName, String processId, Map<String, Object> variables, Map<String, Object> inputs)
            throws Exception {
        Step current = step;
        String contactId = String.valueOf(variables.get("contactId"));
        ContactEditor editor = current.editors().apply(contactId)
                .orElseThrow(() -> new IllegalStateException("contact \"" + contactId + "\" no longer exists"));
        TaskCall call = new TaskCall(processId, taskName, contactId, String.valueOf(variables.get("segmentId")),
                current.at(), taskInputs(inputs), editor, current.events()::add);
        tasks.get(taskName).execute(call);
    }

    /** The parameters jBPM adds to every work item next to the task's own inputs. */
    private static final Set<String> ENGINE_PARAMETERS = Set.of("UNIQUE_TASK_ID", "NodeName");

    /** The task's own inputs: jBPM's parameters and absent values left out. */
    private static Map<String, Object> taskInputs(Map<String, Object> parameters) {
        Map<String, Object> inputs = new HashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !ENGINE_PARAMETERS.contains(name)) {
                inputs.put(name, value);
            }
        });
        return inputs;
    }
}
