package dev.segments.workflow;

/** {@code AddTag}: adds the input {@code Tag} unless the contact has it already (tags compare ignoring case). */
final class AddTagTask implements TaskHandler {

    @Override
    public void execute(TaskCall call) {
        String tag = call.requiredText("Tag").strip();
        if (Tags.has(call.contact().current().tags(), tag)) {
            return;
        }
        call.contact().update(contact -> contact.toBuilder().addTag(tag).build());
        call.events().report(new WorkflowEvent.ContactTagged(call.at(), call.contactId(), tag, call.workflowId()));
    }
}
