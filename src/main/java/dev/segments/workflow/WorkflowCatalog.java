package dev.segments.workflow;

import dev.segments.definition.Location;
import dev.segments.validation.Issue;
import dev.segments.validation.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jbpm.workflow.core.node.DynamicNode;
import org.jbpm.workflow.core.node.EventNode;
import org.jbpm.workflow.core.node.HumanTaskNode;
import org.jbpm.workflow.core.node.MilestoneNode;
import org.jbpm.workflow.core.node.StartNode;
import org.jbpm.workflow.core.node.StateNode;
import org.jbpm.workflow.core.node.SubProcessNode;
import org.jbpm.workflow.core.node.TimerNode;
import org.jbpm.workflow.core.node.WorkItemNode;
import org.kie.api.definition.process.Node;
import org.kie.api.definition.process.NodeContainer;
import org.kie.api.definition.process.Process;

/**
 * The workflows of a rule set by trigger, and what is wrong with them: a start event that no segment change can
 * trigger, a trigger naming an unknown segment, a task nobody handles, a wait state (not supported yet).
 */
public final class WorkflowCatalog {

    public static final WorkflowCatalog EMPTY = new WorkflowCatalog(Map.of(), List.of());

    private final Map<String, List<Trigger>> triggersByProcess;
    private final List<Issue> issues;

    private WorkflowCatalog(Map<String, List<Trigger>> triggersByProcess, List<Issue> issues) {
        this.triggersByProcess = triggersByProcess;
        this.issues = List.copyOf(issues);
    }

    /**
     * @param processes the processes compiled from the workflow files
     * @param files the workflow files, by the resource path they were compiled under
     * @param segmentIds every segment a trigger may name
     * @param taskNames every task with a handler
     */
    public static WorkflowCatalog of(Collection<? extends Process> processes, Map<String, WorkflowFile> files,
            Set<String> segmentIds, Set<String> taskNames) {
        Map<String, List<Trigger>> triggers = new TreeMap<>();
        List<Issue> issues = new ArrayList<>();
        Set<String> withProcess = new HashSet<>();
        for (Process process : processes) {
            WorkflowFile file = process.getResource() == null ? null
                    : files.get(process.getResource().getSourcePath());
            if (file == null) {
                continue;
            }
            withProcess.add(process.getResource().getSourcePath());
            List<Trigger> found = new ArrayList<>();
            int issuesBefore = issues.size();
            inspect((NodeContainer) process, file, segmentIds, taskNames, found, issues);
            if (found.isEmpty() && issues.size() == issuesBefore) {
                issues.add(new Issue(ElementLocation.of(file, process.getId()), "workflow \"" + process.getId()
                        + "\" has no start event that a segment change triggers: give it a signal start event named "
                        + "segment-entered:<segment-id> or segment-exited:<segment-id>"));
            }
            triggers.put(process.getId(), List.copyOf(found));
        }
        // XML the BPMN2 reader does not understand (no <definitions> with a <process>) compiles to nothing at all
        files.entrySet().stream().filter(entry -> !withProcess.contains(entry.getKey()))
                .map(Map.Entry::getValue).sorted(Comparator.comparing(WorkflowFile::path))
                .forEach(file -> issues.add(new Issue(Location.unknown(file.path()),
                        "no BPMN2 process found: a workflow file holds a <bpmn2:definitions> with a <bpmn2:process>")));
        return new WorkflowCatalog(triggers, issues);
    }

    private static void inspect(NodeContainer container, WorkflowFile file, Set<String> segmentIds,
            Set<String> taskNames, List<Trigger> triggers, List<Issue> issues) {
        for (Node node : container.getNodes()) {
            String id = String.valueOf(node.getMetaData().getOrDefault("UniqueId", node.getName()));
            Location at = ElementLocation.of(file, id);
            if (node instanceof StartNode start && start.getTimer() != null) {
                issues.add(new Issue(at, "start event \"" + id + "\" is a timer start; timer starts are not supported "
                        + "yet: workflows start when a contact enters or leaves a segment"));
            } else if (node instanceof StartNode) {
                Object signal = node.getMetaData().get("TriggerRef");
                Trigger.parse(signal == null ? null : signal.toString()).ifPresentOrElse(trigger -> {
                    if (!trigger.segmentId().equals(Trigger.ANY_SEGMENT) && !segmentIds.contains(trigger.segmentId())) {
                        issues.add(new Issue(at, "start event \"" + id + "\" is triggered by unknown segment \""
                                + trigger.segmentId() + "\"" + Suggestions.didYouMean(trigger.segmentId(), segmentIds)));
                    } else {
                        triggers.add(trigger);
                    }
                }, () -> {
                    if (signal != null) {
                        issues.add(new Issue(at, "start event \"" + id + "\" listens to signal \"" + signal
                                + "\"; segment triggers are named segment-entered:<segment-id> or "
                                + "segment-exited:<segment-id>"));
                    }
                });
            } else if (isWaitState(node)) {
                issues.add(new Issue(at, "\"" + id + "\" (" + kind(node) + ") waits; wait states are not supported "
                        + "yet: a workflow must run from its start to its end at once"));
            } else if (node instanceof WorkItemNode task) {
                String name = task.getWork() == null ? null : task.getWork().getName();
                if (name == null || !taskNames.contains(name)) {
                    issues.add(new Issue(at, "task \"" + id + "\" names unknown task \"" + name + "\""
                            + Suggestions.didYouMean(String.valueOf(name), taskNames) + "; tasks are: "
                            + String.join(", ", taskNames)));
                }
            }
            if (node instanceof NodeContainer inner && !(node instanceof SubProcessNode)) {
                inspect(inner, file, segmentIds, taskNames, triggers, issues);
            }
        }
    }

    private static boolean isWaitState(Node node) {
        return node instanceof HumanTaskNode || node instanceof TimerNode || node instanceof EventNode
                || node instanceof StateNode || node instanceof MilestoneNode || node instanceof SubProcessNode
                || node instanceof DynamicNode;
    }

    private static String kind(Node node) {
        if (node instanceof HumanTaskNode) {
            return "a user task";
        }
        if (node instanceof TimerNode) {
            return "a timer";
        }
        if (node instanceof EventNode) {
            return "an intermediate or boundary catch event";
        }
        if (node instanceof SubProcessNode) {
            return "a call activity";
        }
        return node.getClass().getSimpleName();
    }

    public List<Issue> issues() {
        return issues;
    }

    public boolean isEmpty() {
        return triggersByProcess.isEmpty();
    }

    public Collection<String> processIds() {
        return triggersByProcess.keySet();
    }

    /** The processes a change starts, in process id order, each with the signal name to start it at. */
    public List<Start> startsFor(Trigger.Direction direction, String segmentId) {
        List<Start> starts = new ArrayList<>();
        triggersByProcess.forEach((process, triggers) -> triggers.stream()
                .filter(t -> t.matches(direction, segmentId))
                .findFirst()
                .ifPresent(t -> starts.add(new Start(process, t.signalName()))));
        return starts;
    }

    /** A process to start, and the signal start event to start it at. */
    public record Start(String processId, String signal) {
    }
}
