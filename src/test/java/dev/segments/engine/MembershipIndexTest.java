package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    private final ContactOrdinals ordinals = new ContactOrdinals();
    private final MembershipIndex index = new MembershipIndex(ordinals);

    @Test
    void changesComeWithTheirContactsOrdinalOrByIdAlone() {
        int ann = index.contactAdded("ann");
        index.contactAdded("bo");
        FiredChanges fired = new FiredChanges();
        fired.add(entered("vip", "ann"), ann);
        fired.add(entered("vip", "bo"), FiredChanges.UNKNOWN);
        fired.add(entered("vip", "someone-a-rule-named"), FiredChanges.UNKNOWN);
        fired.add(entered("texans", "ann"), ann);
        index.apply(fired);

        assertThat(index.members("vip")).containsExactly("ann", "bo", "someone-a-rule-named");
        assertThat(index.segmentsOf("ann")).containsExactly("texans", "vip");

        FiredChanges later = new FiredChanges();
        later.add(exited("vip", "ann"), ann);
        later.add(exited("vip", "someone-a-rule-named"), FiredChanges.UNKNOWN);
        index.apply(later);

        assertThat(index.members("vip")).containsExactly("bo");
        assertThat(index.counts(Set.of())).containsEntry("vip", 1).containsEntry("texans", 1);
        assertThat(ordinals.find("someone-a-rule-named"))
                .as("an id in no segment and no contact lets go of its ordinal").isEqualTo(-1);
    }

    private static MembershipChange entered(String segment, String contact) {
        return new MembershipChange(T0, MembershipChange.Kind.ENTERED, segment, contact);
    }

    private static MembershipChange exited(String segment, String contact) {
        return new MembershipChange(T0, MembershipChange.Kind.EXITED, segment, contact);
    }
}
