package dev.segments.service;

import dev.segments.autoconfigure.SegmentEngineCustomizer;
import dev.segments.engine.MembershipChange;
import dev.segments.engine.Segments;
import dev.segments.workflow.WorkflowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs every membership change and everything workflows do, as it happens. */
@Component
class MembershipLog implements SegmentEngineCustomizer {

    private static final Logger log = LoggerFactory.getLogger(MembershipLog.class);

    @Override
    public void customize(Segments engine) {
        engine.addListener(changes -> {
            for (MembershipChange change : changes) {
                log.info("{} {} {} {}", change.at(), change.kind().wireName(), change.segmentId(), change.contactId());
            }
        });
        engine.addWorkflowListener(events -> {
            for (WorkflowEvent event : events) {
                if (event instanceof WorkflowEvent.WorkflowFailed failed) {
                    log.warn("{} workflow.failed {} {}: {}", failed.at(), failed.workflowId(), failed.contactId(),
                            failed.reason());
                } else {
                    log.info("{}", event);
                }
            }
        });
    }
}
