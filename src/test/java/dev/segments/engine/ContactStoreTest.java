package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrotsearch.hppc.BitSet;
import dev.segments.contact.ContactData;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.core.common.InternalFactHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.utils.KieHelper;

/** The session's contact store: handles by ordinal, walks in ordinal order, and the contacts written since prepared. */
class ContactStoreTest {

    private final KieSession session = new KieHelper().addContent("""
            package store.test;
            import dev.segments.engine.Contact;
            rule "texans" when Contact( state == "tx" ) then end
            """, ResourceType.DRL).build().newKieSession();

    @AfterEach
    void dispose() {
        session.dispose();
    }

    @Test
    void everyWalkOverTheContactsGoesInOrdinalOrderAndSkipsTheDeleted() {
        ContactStore store = ContactStore.installIn(session).orElseThrow();
        List<FactHandle> handles = new ArrayList<>();
        for (int ordinal : new int[] {5, 2, 1500, 0, 9}) {
            handles.add(session.insert(contact(ordinal)));
        }
        session.delete(handles.get(4)); // ordinal 9

        assertThat(ordinals(store.getStoreForClass(Contact.class).iterator())).containsExactly(0, 2, 5, 1500);
        assertThat(store.handleOf(9)).isNull();
        assertThat(store.handleOf(1500)).isSameAs(handles.get(2));
        assertThat(session.getFactCount()).as("Drools still counts through its own maps").isEqualTo(4);
    }

    @Test
    void knowsTheContactsWrittenSinceTheirListsWerePrepared() {
        ContactStore store = ContactStore.installIn(session).orElseThrow();
        session.insert(contact(3));
        session.insert(contact(7));
        assertThat(ordinals(store.writtenContacts())).as("inserted").containsExactly(3, 7);

        store.listsPrepared();
        store.written(7);

        assertThat(ordinals(store.writtenContacts())).containsExactly(7);
    }

    @Test
    void onlyTheRemovalWalkIsHandedTheHoldingContacts() {
        ContactStore store = ContactStore.installIn(session).orElseThrow();
        for (int ordinal = 0; ordinal < 4; ordinal++) {
            session.insert(contact(ordinal));
        }
        BitSet holding = new BitSet();
        holding.set(2);

        store.narrowRemovalWalkTo(holding);

        assertThat(ordinals(store.getStoreForClass(Contact.class).iterator())).as("any other reader")
                .containsExactly(0, 1, 2, 3);
        assertThat(store.walkedNarrowed()).isZero();
    }

    @Test
    void takesThePlaceOfDroolsStoreOnlyWhileTheSessionIsEmpty() {
        session.insert(contact(1));

        assertThat(ContactStore.installIn(session)).isEmpty();
    }

    private static Contact contact(int ordinal) {
        ContactData data = ContactData.builder("c-" + ordinal).state("TX").build();
        return new Contact(ordinal, data, NormalizedContact.of(data, ZoneOffset.UTC), Set.of(), Map.of());
    }

    private static List<Integer> ordinals(Iterator<InternalFactHandle> handles) {
        List<Integer> ordinals = new ArrayList<>();
        handles.forEachRemaining(handle -> ordinals.add(((Contact) handle.getObject()).ordinal()));
        return ordinals;
    }
}
