package dev.segments.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.base.reteoo.PropertySpecificUtil;
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
 * The properties of the contact fact that some node of the rule network listens to. A change of none of them changes
 * no constraint's result, yet Drools would pass the update by every alpha node and every input of the contact type to
 * get there (docs/BENCHMARKS.md, "Where a change's time goes"); such a change only puts the new fact object in the
 * fact's handle. Read from Drools' network masks, so hand-written rules count as they are: a pattern that is not
 * property reactive, or a node this class does not know, listens to everything.
 */
final class ListenedProperties {

    private final Set<String> names; // null: every property

    private ListenedProperties(Set<String> names) {
        this.names = names;
    }

    /** What the network of {@code base} listens to on the contact type, as it is now. */
    static ListenedProperties of(InternalRuleBase base) {
        BitMask mask = EmptyBitMask.get();
        for (ObjectTypeNode type : base.getRete().getObjectTypeNodes()) {
            if (type.getObjectType().isAssignableFrom(Contact.class)) {
                for (ObjectSink sink : type.getObjectSinkPropagator().getSinks()) {
                    mask = mask.setAll(listenedBy(sink));
                }
            }
        }
        if (mask.isAllSet()) {
            return new ListenedProperties(null);
        }
        List<String> properties = PropertySpecificUtil.getAccessibleProperties(base, Contact.class);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < properties.size(); i++) {
            if (PropertySpecificUtil.isPropertySetOnMask(mask, i)) {
                names.add(properties.get(i));
            }
        }
        return new ListenedProperties(Set.copyOf(names));
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

    /** Whether a rule may read any of the properties. */
    boolean anyOf(String[] properties) {
        if (names == null) {
            return properties.length > 0;
        }
        for (String property : properties) {
            if (names.contains(property)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts {@code fact} in the handle without telling the network: for a change of properties no node listens to.
     * Drools' own update does the same first, then walks the network.
     */
    static void replaceUnheard(InternalWorkingMemory session, FactHandle handle, Object fact) {
        InternalFactHandle internal = (InternalFactHandle) handle;
        session.getEntryPoint(internal.getEntryPointName()).getObjectStore().updateHandle(internal, fact);
    }
}
