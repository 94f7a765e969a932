package dev.segments.engine;

/** How a change of a contact reaches the rules (docs/design.md, "Property reactivity"). */
public enum ContactWalk {

    /**
     * Only the rule inputs whose constraints read a changed property are visited, and a generated rule's match is
     * touched only when it comes or goes ({@link TargetedUpdates}); Drools' own update where that does not apply.
     */
    TARGETED,

    /**
     * Drools' own update: a walk by every rule input of the contact type, firing again every match whose rule reads a
     * changed property (for comparison and safety).
     */
    DROOLS
}
