package dev.segments.workflow;

import dev.segments.contact.ContactData;
import java.util.function.UnaryOperator;

/** Changes the contact a workflow runs for; each change is applied at once, like any other contact change. */
public interface ContactEditor {

    /** The contact as it is now. */
    ContactData current();

    /** Replaces the contact with {@code change.apply(current())}; the id must stay the same. */
    void update(UnaryOperator<ContactData> change);
}
