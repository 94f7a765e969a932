package dev.segments.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.drools.core.common.InternalKnowledgeRuntime;
import org.drools.core.process.WorkItemManager;
import org.drools.core.process.WorkItemManagerFactory;
import org.jbpm.process.instance.InternalProcessRuntime;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.kogito.internal.process.runtime.KogitoProcessInstance;
import org.kie.kogito.internal.process.runtime.KogitoProcessRuntime;
import org.kie.kogito.internal.process.runtime.KogitoWorkflowProcessInstance;
import org.kie.kogito.internal.process.workitem.KogitoWorkItem;
import org.kie.kogito.internal.process.workitem.KogitoWorkItemHandler;
import org.kie.kogito.internal.process.workitem.KogitoWorkItemManager;
import org.kie.kogito.internal.process.workitem.WorkItemTransition;
import org.kie.kogito.process.workitems.impl.DefaultKogitoWorkItemHandler;
import org.kie.kogito.process.workitems.impl.KogitoDefaultWorkItemManager;

/**
 * The one place that touches Kogito and jBPM internals, so that processes run in a plain KieSession: the work item
 * manager a KieSession needs for Kogito work items, task handlers, and starting a process at its signal start.
 */
final class KogitoAdapter {

    private static final String WORK_ITEM_MANAGER_FACTORY = "drools.workItemManagerFactory";

    private KogitoAdapter() {
    }

    /**
     * A plain KieSession makes a {@code DefaultWorkItemManager}, which Kogito's process runtime cannot use
     * ({@code ClassCastException ... KogitoWorkItemManager}); this factory makes Kogito's own.
     */
    public static final class KogitoWorkItemManagers implements WorkItemManagerFactory {
        @Override
        public WorkItemManager createWorkItemManager(InternalKnowledgeRuntime runtime) {
            return new KogitoDefaultWorkItemManager(InternalProcessRuntime.asKogitoProcessRuntime(runtime));
        }
    }

    /** Runs a task for a work item: task name, process id, process variables, task inputs. */
    @FunctionalInterface
    interface TaskRunner {
        void run(String taskName, String processId, Map<String, Object> variables, Map<String, Object> inputs)
                throws Exception;
    }

    /** How a started process ended. */
    record Outcome(boolean completed, String failure) {
        static final Outcome COMPLETED = new Outcome(true, null);

        static Outcome failed(String reason) {
            return new Outcome(false, reason);
        }
    }

    static void configure(KieSessionConfiguration configuration) {
        configuration.setProperty(WORK_ITEM_MANAGER_FACTORY, KogitoWorkItemManagers.class.getName());
    }

    static void registerTask(KieSession session, String taskName, TaskRunner runner) {
        runtime(session).getKogitoWorkItemManager().registerWorkItemHandler(taskName, new DefaultKogitoWorkItemHandler() {
            @Override
            public Optional<WorkItemTransition> activateWorkItemHandler(KogitoWorkItemManager manager,
                    KogitoWorkItemHandler handler, KogitoWorkItem workItem, WorkItemTransition transition) {
                KogitoProcessInstance process = workItem.getProcessInstance();
                try {
                    runner.run(taskName, process.getProcessId(), variables(process), workItem.getParameters());
                } catch (Exception e) {
                    throw new TaskFailure(e);
                }
                return Optional.of(workItemLifeCycle.newTransition(TRANSITION_COMPLETE, workItem.getPhaseStatus(),
                        Map.of()));
            }
        });
    }

    private static Map<String, Object> variables(KogitoProcessInstance process) {
        return process instanceof KogitoWorkflowProcessInstance workflow
                ? new HashMap<>(workflow.getVariables()) : Map.of();
    }

    /**
     * Starts a process at the signal start event named {@code signal}, with the given variables. A process whose
     * only start is a signal start cannot be started by {@code startProcess}, and a signal does not copy its payload
     * into variables; creating the instance with its variables and starting it at that trigger does both.
     */
    static Outcome start(KieSession session, String processId, Map<String, Object> variables, String signal) {
        KogitoProcessRuntime runtime = runtime(session);
        KogitoProcessInstance instance = runtime.createProcessInstance(processId, variables);
        instance = runtime.startProcessInstance(instance.getStringId(), signal);
        return switch (instance.getState()) {
            case KogitoProcessInstance.STATE_COMPLETED -> Outcome.COMPLETED;
            case KogitoProcessInstance.STATE_ERROR -> {
                String reason = errorOf(instance);
                runtime.abortProcessInstance(instance.getStringId());
                yield Outcome.failed(reason);
            }
            default -> {
                runtime.abortProcessInstance(instance.getStringId());
                yield Outcome.failed("the workflow did not run to its end (wait states are not supported yet)");
            }
        };
    }

    /** What a task handler threw, marked so that its own message is reported, not the message of a cause it wraps. */
    static final class TaskFailure extends RuntimeException {
        TaskFailure(Exception thrown) {
            super(thrown.getMessage() == null ? thrown.toString() : thrown.getMessage(), thrown);
        }
    }

    private static String errorOf(KogitoProcessInstance instance) {
        if (instance instanceof KogitoWorkflowProcessInstance workflow) {
            Optional<Throwable> cause = workflow.getErrorCause();
            if (cause.isPresent()) {
                return failureMessage(cause.get());
            }
            if (workflow.getErrorMessage() != null) {
                return workflow.getErrorMessage();
            }
        }
        return "the workflow failed";
    }

    /**
     * The message of a workflow failure: what the failing task handler threw (its own message, not that of a cause
     * it wraps), or else the innermost cause, since the outer ones are jBPM's wrappers.
     */
    static String failureMessage(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TaskFailure task) {
                return task.getMessage();
            }
            root = t;
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static KogitoProcessRuntime runtime(KieSession session) {
        return InternalProcessRuntime.asKogitoProcessRuntime(session);
    }
}
