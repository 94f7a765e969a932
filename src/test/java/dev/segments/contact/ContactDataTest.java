package dev.segments.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactDataTest {

    private static final CustomValue SEATS = new CustomValue.Number(new BigDecimal(5));
    private static final CustomValue PLAN = new CustomValue.Text("Gold");

    private final ContactData ann = ContactData.builder("c-1").addTag("vip").addTag("lead")
            .custom("plan", PLAN).custom("seats", SEATS).build();

    @Test
    void tagsAndCustomFieldsCannotBeChanged() {
        assertThatThrownBy(() -> ann.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ann.tags().remove("vip")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
            var it = ann.tags().iterator();
            it.next();
            it.remove();
        }).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ann.custom().put("x", PLAN)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ann.custom().remove("plan")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ann.custom().entrySet().iterator().next().setValue(SEATS))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(ann.tags()).containsExactly("vip", "lead");
        assertThat(ann.custom()).containsExactly(Map.entry("plan", PLAN), Map.entry("seats", SEATS));
    }

    @Test
    void collectionsGivenAreCopiedInTheirOrder() {
        Set<String> tags = new LinkedHashSet<>(List.of("b", "a"));
        Map<String, CustomValue> custom = new LinkedHashMap<>(Map.of("plan", PLAN));
        ContactData contact = ContactData.builder("c-2").tags(tags).custom(custom).build();
        tags.add("c");
        custom.put("seats", SEATS);
        assertThat(contact.tags()).containsExactly("b", "a");
        assertThat(contact.custom()).containsOnlyKeys("plan");
    }

    @Test
    void aContactBuiltFromAnotherSharesTheTagsAndCustomFieldsItLeftAlone() {
        ContactData opened = ann.toBuilder().email("ann@example.com").build();
        assertThat(opened.tags()).isSameAs(ann.tags());
        assertThat(opened.custom()).isSameAs(ann.custom());
    }

    @Test
    void changingACopyLeavesTheOriginalAsItWas() {
        ContactData.Builder builder = ann.toBuilder().addTag("new").removeTag("vip").custom("plan", SEATS);
        ContactData changed = builder.build();
        builder.addTag("later").custom("later", PLAN);

        assertThat(ann.tags()).containsExactly("vip", "lead");
        assertThat(ann.custom()).containsEntry("plan", PLAN).hasSize(2);
        assertThat(changed.tags()).containsExactly("lead", "new");
        assertThat(changed.custom()).containsEntry("plan", SEATS).doesNotContainKey("later");
        assertThat(builder.build().tags()).containsExactly("lead", "new", "later");
    }

    @Test
    void equalityIsByContentWhicheverSetOrMapHoldsIt() {
        ContactData same = ContactData.builder("c-1").tags(Set.of("lead", "vip"))
                .custom(Map.of("seats", SEATS, "plan", PLAN)).build();
        assertThat(same).isEqualTo(ann).hasSameHashCodeAs(ann);
        assertThat(ann.tags()).isEqualTo(Set.of("vip", "lead"));
        assertThat(ann.custom()).isEqualTo(Map.of("plan", PLAN, "seats", SEATS));
        assertThat(ContactData.of("c-3").tags()).isEmpty();
        assertThat(ContactData.of("c-3").custom()).isEmpty();
    }
}
