package dev.segments.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.reteoo.PropertySpecificUtil;
import org.drools.base.rule.TypeDeclaration;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.LeftTupleSink;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.RightInputAdapterNode;
import org.drools.util.bitmask.AllSetBitMask;
import org.drools.util.bitmask.BitMask;
import org.drools.util.bitmask.EmptyBitMask;
import org.kie.api.runtime.rule.FactHandle;

/**
 * How a changed contact fact reaches the rule network of one rule base: Drools' update, told the properties that
 * changed, or nothing at all when no node listens to any of them.
 *
 * <p>A change of properties no node listens to changes no constraint's result, yet Drools would pass the update by
 * every alpha node and every input of the contact type to get there (docs/design.md, "Property reactivity"); such a
 * change of the fact, made in place, is not passed on at all. What the network
 * listens to is read from Drools' masks, so hand-written rules count as they are: a pattern that is not property
 * reactive, {@code @watch(*)}, or a node this class does not know listens to everything. The mask of the changed
 * properties is built here from a table, not looked up name by name in Drools' list of properties on every update.
 */
final class ContactUpdates {

    private final boolean propertyReactive;
    private final int propertyCount;
    private final Map<String, Integer> indexOf;
    private final BitMask listened;
    private final TargetedUpdates targeted;

    private ContactUpdates(boolean propertyReactive, List<String> properties, BitMask listened,
            TargetedUpdates targeted) {
        this.propertyReactive = propertyReactive;
        this.propertyCount = properties.size();
        this.indexOf = new HashMap<>();
        for (int i = 0; i < properties.size(); i++) {
            indexOf.put(properties.get(i), i);
        }
        this.listened = listened;
        this.targeted = targeted;
    }

    /** For the network of {@code base} as it is now; to be read again after the rules change. */
    static ContactUpdates of(InternalRuleBase base, ContactWalk walk) {
        BitMask listened = EmptyBitMask.get();
        for (ObjectTypeNode type : base.getRete().getObjectTypeNodes()) {
            if (type.getObjectType().isAssignableFrom(Contact.class)) {
                for (ObjectSink sink : type.getObjectSinkPropagator().getSinks()) {
                    listened = listened.setAll(listenedBy(sink));
                }
            }
        }
        TypeDeclaration declaration = base.getOrCreateExactTypeDeclaration(Contact.class);
        return declaration.isPropertyReactive()
                ? new ContactUpdates(true, declaration.getAccessibleProperties(), listened,
                        walk == ContactWalk.TARGETED ? TargetedUpdates.of(base) : null)
                : new ContactUpdates(false, List.of(), AllSetBitMask.get(), null);
    }

    /** A new mask (or a shared empty or full one): Drools' masks change in place when set. */
    private static BitMask listenedBy(ObjectSink sink) {
        if (sink instanceof AlphaNode alpha) {
            BitMask mask = alpha.getInferredMask().clone().setAll(alpha.getDeclaredMask());
            for (ObjectSink child : alpha.getObjectSinkPropagator().getSinks()) {
                mask = mask.setAll(listenedBy(child));
            }
            return mask;
        }
        if (sink instanceof LeftInputAdapterNode input) {
            BitMask mask = EmptyBitMask.get();
            for (LeftTupleSink child : input.getSinkPropagator().getSinks()) {
                mask = mask.setAll(child.getInferredMask().clone());
            }
            return mask;
        }
        if (sink instanceof RightInputAdapterNode<?> right) {
            return right.getInferredMask().clone();
        }
        return AllSetBitMask.get();
    }

    /** Whether some node listens to any of the properties. */
    boolean heard(String[] changedProperties) {
        return maskOf(changedProperties).intersects(listened);
    }

    /**
     * Changes the fact in {@code handle} in place to the values of {@code next} and tells the nodes that listen to
     * what changed. (Drools would take another object too, but it would pay a removal and an insertion in its identity
     * map of facts.)
     */
    void change(InternalWorkingMemory session, FactHandle handle, Contact fact, Contact next,
            String[] changedProperties) {
        InternalFactHandle internal = (InternalFactHandle) handle;
        if (internal.getObject() != fact) {
            throw new IllegalArgumentException("the fact of " + fact + " is changed in place, not replaced");
        }
        BitMask changed = maskOf(changedProperties);
        if (!changed.intersects(listened)) {
            fact.takeValuesOf(next);
            return;
        }
        TargetedUpdates.Before before = targeted == null ? null : targeted.before(session, internal, changed);
        fact.takeValuesOf(next);
        if (before != null) {
            targeted.update(session, before);
        } else {
            session.update(handle, fact, changed, Contact.class, null);
        }
    }

    private BitMask maskOf(String[] properties) {
        if (!propertyReactive) {
            return AllSetBitMask.get();
        }
        BitMask mask = PropertySpecificUtil.getEmptyPropertyReactiveMask(propertyCount);
        for (String property : properties) {
            Integer index = indexOf.get(property);
            if (index == null) {
                throw new IllegalArgumentException("Contact has no property " + property);
            }
            mask = PropertySpecificUtil.setPropertyOnMask(mask, index);
        }
        return mask;
    }
}
