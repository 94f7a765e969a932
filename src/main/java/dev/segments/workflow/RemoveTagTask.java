package dev.segments.workflow;

import java.util.LinkedHashSet;
import java.util.Set;

/** {@code RemoveTag}: removes the input {@code Tag} (every spelling of it: tags compare ignoring case and spaces). */
final class RemoveTagTask implements TaskHandler {

    @Override
    public void execute(TaskCall call) {
        String tag = call.requiredText("Tag").strip();
        Set<String> tags = call.contact().current().tags();
        if (!Tags.has(tags, tag)) {
            return;
        }
        Set<String> kept = new LinkedHashSet<>();
        tags.stream().filter(t -> !Tags.same(t, tag)).forEach(kept::add);
        call.contact().update(contact -> contact.toBuilder().tags(kept).build());
        call.events().report(new WorkflowEvent.ContactUntagged(call.at(), call.contactId(), tag, call.workflowId()));
    }
}
