package dev.segments.service;

import dev.segments.autoconfigure.SegmentEngineCustomizer;
import dev.segments.engine.MembershipChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs every membership change as it happens. */
@Component
class MembershipLog implements SegmentEngineCustomizer {

    private static final Logger log = LoggerFactory.getLogger(MembershipLog.class);

    @Override
    public void customize(dev.segments.engine.SegmentEngine engine) {
        engine.addListener(changes -> {
            for (MembershipChange change : changes) {
                log.info("{} {} {} {}", change.at(), change.kind().wireName(), change.segmentId(), change.contactId());
            }
        });
    }
}
