package dev.segments.engine;

import com.carrotsearch.hppc.BitSet;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.IntUnaryOperator;
import org.drools.base.rule.EntryPointId;
import org.drools.core.common.ClassAwareObjectStore;
import org.drools.core.common.FactHandleClassStore;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.phreak.EagerPhreakBuilder;
import org.drools.kiesession.entrypoints.NamedEntryPoint;
import org.kie.api.runtime.KieSession;

/**
 * The session's store of facts, which also knows each contact's handle by ordinal and which contacts were written
 * since their lists of matches were last prepared ({@link MatchLists}), so that a rule change prepares those alone.
 *
 * <p>While rules whose holders are known are removed ({@link RemovalShortcut}), Drools' removal walk, which otherwise
 * visits every contact to find the few holding a match of them, is handed those contacts only: at a million contacts
 * that walk and the marking before it were half a segment edit, mostly spent passing over contacts holding nothing.
 * Only that walk is narrowed, recognised by its caller; every other reader of the store sees every contact, in
 * ordinal order ({@link #getStoreForClass}).
 *
 * <p>Drools creates the store with the session; {@link #installIn} puts this one in its place while the session is
 * still empty. Like {@link MatchLists}, it reaches into Drools' private fields, through variable handles.
 */
final class ContactStore extends ClassAwareObjectStore {

    private static final VarHandle ENTRY_POINT_STORE;
    private static final VarHandle STORE_LOCK;
    private static final VarHandle STORE_EQUALITY;
    private static final String REMOVAL_WALK_CLASS = EagerPhreakBuilder.class.getName();
    private static final String REMOVAL_WALK_METHOD = "processLeftTuplesOnLian";

    static {
        try {
            ENTRY_POINT_STORE = MethodHandles.privateLookupIn(NamedEntryPoint.class, MethodHandles.lookup())
                    .findVarHandle(NamedEntryPoint.class, "objectStore",
                            org.drools.core.common.ObjectStore.class);
            MethodHandles.Lookup inStore = MethodHandles.privateLookupIn(ClassAwareObjectStore.class,
                    MethodHandles.lookup());
            STORE_LOCK = inStore.findVarHandle(ClassAwareObjectStore.class, "lock", Lock.class);
            STORE_EQUALITY = inStore.findVarHandle(ClassAwareObjectStore.class, "isEqualityBehaviour",
                    boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private InternalFactHandle[] contacts = new InternalFactHandle[1024];
    private final BitSet written = new BitSet();
    private BitSet narrowedTo;
    private long walkedNarrowed;

    private ContactStore(boolean equality, Lock lock) {
        super(equality, lock);
    }

    /**
     * Puts a contact store in place of the one Drools made for the session's default entry point; empty if that entry
     * point has another kind of store (a KieBase that cannot change has one that does not tell classes apart) or
     * already holds facts.
     */
    static Optional<ContactStore> installIn(KieSession session) {
        if (!(session.getEntryPoint(EntryPointId.DEFAULT.getEntryPointId()) instanceof NamedEntryPoint entryPoint)
                || entryPoint.getObjectStore().getClass() != ClassAwareObjectStore.class
                || !entryPoint.getObjectStore().isEmpty()) {
            return Optional.empty();
        }
        ClassAwareObjectStore made = (ClassAwareObjectStore) entryPoint.getObjectStore();
        ContactStore store = new ContactStore((boolean) STORE_EQUALITY.get(made), (Lock) STORE_LOCK.get(made));
        ENTRY_POINT_STORE.set(entryPoint, store);
        return Optional.of(store);
    }

    @Override
    public void addHandle(InternalFactHandle handle, Object object) {
        super.addHandle(handle, object);
        if (object instanceof Contact contact) {
            int ordinal = contact.ordinal();
            if (ordinal >= contacts.length) {
                contacts = Arrays.copyOf(contacts, Math.max(ordinal + 1, contacts.length * 2));
            }
            contacts[ordinal] = handle;
            written.set(ordinal);
        }
    }

    @Override
    public void removeHandle(InternalFactHandle handle) {
        super.removeHandle(handle);
        if (handle.getObject() instanceof Contact contact && contact.ordinal() < contacts.length
                && contacts[contact.ordinal()] == handle) {
            contacts[contact.ordinal()] = null;
        }
    }

    @Override
    public void clear() {
        super.clear();
        Arrays.fill(contacts, null);
        written.clear();
    }

    /** Drools gave the contact's fact a new, plain list of matches: it was updated. */
    void written(int ordinal) {
        written.set(ordinal);
    }

    /** The contacts written since {@link #listsPrepared}: the only ones whose lists may be plain. */
    Iterator<InternalFactHandle> writtenContacts() {
        return handlesOf(written);
    }

    /** Every contact the session holds, by ordinal. */
    Iterator<InternalFactHandle> everyContact() {
        return handles(ordinal -> ordinal + 1 < contacts.length ? ordinal + 1 : -1);
    }

    /** Every contact's list is now one that survives rule changes. */
    void listsPrepared() {
        written.clear();
    }

    /** The contact's handle, if the session holds it. */
    InternalFactHandle handleOf(int ordinal) {
        return ordinal < contacts.length ? contacts[ordinal] : null;
    }

    /** Until {@link #widen}, Drools' removal walk sees only these contacts. */
    void narrowRemovalWalkTo(BitSet holding) {
        narrowedTo = holding;
        walkedNarrowed = 0;
    }

    void widen() {
        narrowedTo = null;
    }

    /** How many contacts Drools' narrowed removal walks were handed since the last {@link #narrowRemovalWalkTo}. */
    long walkedNarrowed() {
        return walkedNarrowed;
    }

    /**
     * The contacts in ordinal order, the order of the load, in which their handles and facts mostly lie in memory:
     * Drools' own order, by identity hash, reads them at random, which at a million contacts waits for memory at
     * every contact of the walk that adds a rule.
     */
    @Override
    public FactHandleClassStore getStoreForClass(Class<?> type) {
        if (type != Contact.class) {
            return super.getStoreForClass(type);
        }
        BitSet holding = narrowedTo;
        if (holding == null || !calledByRemovalWalk()) {
            return this::everyContact;
        }
        return () -> {
            Iterator<InternalFactHandle> handles = handlesOf(holding);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return handles.hasNext();
                }

                @Override
                public InternalFactHandle next() {
                    walkedNarrowed++;
                    return handles.next();
                }
            };
        };
    }

    private static boolean calledByRemovalWalk() {
        // Once per walk, not per fact: the walk asks for the store once.
        return StackWalker.getInstance().walk(frames -> frames.limit(6).anyMatch(frame ->
                frame.getMethodName().equals(REMOVAL_WALK_METHOD) && frame.getClassName().equals(REMOVAL_WALK_CLASS)));
    }

    private Iterator<InternalFactHandle> handlesOf(BitSet ordinals) {
        return handles(ordinal -> ordinals.nextSetBit(ordinal + 1));
    }

    /** The handles of the ordinals {@code after} steps through, from {@code after(-1)} until it gives -1. */
    private Iterator<InternalFactHandle> handles(IntUnaryOperator after) {
        return new Iterator<>() {
            private int ordinal = advance(-1);

            private int advance(int from) {
                int next = after.applyAsInt(from);
                while (next >= 0 && handleOf(next) == null) {
                    next = after.applyAsInt(next);
                }
                return next;
            }

            @Override
            public boolean hasNext() {
                return ordinal >= 0;
            }

            @Override
            public InternalFactHandle next() {
                if (ordinal < 0) {
                    throw new NoSuchElementException();
                }
                InternalFactHandle handle = contacts[ordinal];
                ordinal = advance(ordinal);
                return handle;
            }
        };
    }
}
