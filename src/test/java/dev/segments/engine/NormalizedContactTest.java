package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NormalizedContactTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void holdsEachStandardInstantOrItsAbsenceEvenAtTheEpoch() {
        ContactData contact = ContactData.builder("c-1")
                .createdAt(new TimePoint.AtInstant(Instant.EPOCH))
                .dateOfBirth(new TimePoint.OnDate(LocalDate.of(1990, 5, 17)))
                .lastEmailOpenedAt(new TimePoint.AtInstant(Instant.parse("1969-12-31T23:59:59.999Z")))
                .build();

        NormalizedContact.StandardTimes times = NormalizedContact.of(contact, CHICAGO).time();

        assertThat(times.createdAt()).isZero();
        assertThat(times.dateOfBirth()).as("a date starts at midnight in the engine's zone")
                .isEqualTo(LocalDate.of(1990, 5, 17).atStartOfDay(CHICAGO).toInstant().toEpochMilli());
        assertThat(times.lastEmailOpenedAt()).isEqualTo(-1L);
        assertThat(times.lastEmailSentAt()).isNull();
        assertThat(times.lastEmailClickedAt()).isNull();
        assertThat(times.get("createdAt")).isZero();
        assertThat(times.get("lastEmailSentAt")).isNull();
        assertThat(times.get("city")).as("not an instant").isNull();
        assertThat(NormalizedContact.of(contact, CHICAGO)).as("equal by value, parts included")
                .isEqualTo(NormalizedContact.of(contact, CHICAGO));
        assertThat(times).isNotEqualTo(NormalizedContact.of(ContactData.builder("c-1").build(), CHICAGO).time());
    }

    @Test
    void sharesOneCopyOfRepeatedValuesButNotOfLastNames() {
        NormalizedContact ann = NormalizedContact.of(
                ContactData.builder("c-1").firstName("Ann").lastName("Lee").city("Austin").build(), CHICAGO);
        NormalizedContact other = NormalizedContact.of(
                ContactData.builder("c-2").firstName(" ANN ").lastName("LEE").city("austin ").build(), CHICAGO);

        assertThat(other.text().firstName()).isEqualTo("ann").isSameAs(ann.text().firstName());
        assertThat(other.text().city()).isEqualTo("austin").isSameAs(ann.text().city());
        assertThat(other.text().lastName()).isEqualTo("lee").isNotSameAs(ann.text().lastName());
    }

    @Test
    void aChangedCustomNumberKeepsTheOtherKindsOfCustomValuesAndTheUnchangedText() {
        ContactData before = ContactData.builder("c-1").lastName("Lee").city("Austin")
                .custom("plan", new CustomValue.Text("Pro")).custom("renewal", new CustomValue.Text("2026-05-01"))
                .custom("seats", number(3)).custom("trial", new CustomValue.Bool(true)).build();
        NormalizedContact previous = NormalizedContact.of(before, CHICAGO);
        ContactData after = before.toBuilder().custom("seats", number(4)).city("Dallas").build();

        NormalizedContact changed = NormalizedContact.of(after, CHICAGO, before, previous);

        assertThat(changed).as("the same values as worked out from scratch").isEqualTo(NormalizedContact.of(after,
                CHICAGO));
        assertThat(changed.customNumber()).containsEntry("seats", 4.0);
        assertThat(changed.customText()).isSameAs(previous.customText());
        assertThat(changed.customTime()).isSameAs(previous.customTime());
        assertThat(changed.customBoolean()).isSameAs(previous.customBoolean());
        assertThat(changed.text().city()).isEqualTo("dallas");
        assertThat(changed.text().lastName()).as("an unchanged field keeps its value").isSameAs(
                previous.text().lastName());
    }

    @Test
    void customTextChangedOnlyAsWrittenIsNotSharedSoThatMatchesRulesAreTold() {
        ContactData before = ContactData.builder("c-1").custom("plan", new CustomValue.Text("Pro")).build();
        NormalizedContact previous = NormalizedContact.of(before, CHICAGO);
        ContactData after = before.toBuilder().custom("plan", new CustomValue.Text("pro")).build();

        NormalizedContact changed = NormalizedContact.of(after, CHICAGO, before, previous);

        assertThat(changed.customText()).isEqualTo(previous.customText()).isNotSameAs(previous.customText());
        Contact was = new Contact(0, before, previous, Set.of(), Map.of());
        Contact is = new Contact(0, after, changed, Set.of(), Map.of());
        assertThat(ChangedProperties.between(was, is)).contains("originalText");
    }

    @Test
    void randomChangesGiveTheValuesWorkedOutFromScratch() {
        Random random = new Random(11);
        String[] cities = {"Austin", "austin", " Dallas", null};
        String[] plans = {"Pro", "pro", "Basic ", "2026-05-01", null};
        for (int contact = 0; contact < 100; contact++) {
            ContactData data = ContactData.builder("c-" + contact).lastName("Lee").build();
            NormalizedContact normalized = NormalizedContact.of(data, CHICAGO);
            for (int step = 0; step < 30; step++) {
                ContactData.Builder next = data.toBuilder();
                switch (random.nextInt(6)) {
                    case 0 -> next.city(cities[random.nextInt(cities.length)]);
                    case 1 -> next.custom("plan", text(plans[random.nextInt(plans.length)]));
                    case 2 -> next.custom("seats", number(random.nextInt(3)));
                    case 3 -> next.custom("trial", new CustomValue.Bool(random.nextBoolean()));
                    case 4 -> next.addTag(TAGS[random.nextInt(TAGS.length)]).lastName("Lee" + random.nextInt(2));
                    default -> {
                        List<String> own = List.copyOf(data.tags());
                        if (!own.isEmpty()) {
                            next.removeTag(own.get(random.nextInt(own.size())));
                        }
                    }
                }
                ContactData after = next.build();
                normalized = NormalizedContact.of(after, CHICAGO, data, normalized);
                data = after;
                assertThat(normalized).as("contact %d, step %d", contact, step)
                        .isEqualTo(NormalizedContact.of(data, CHICAGO));
            }
        }
    }

    /** Tags as written, some sharing a normal form, one with none. */
    private static final String[] TAGS = {"VIP", "vip", " Vip ", "lead", "Lead", "  "};

    private static CustomValue text(String value) {
        return value == null ? new CustomValue.Bool(false) : new CustomValue.Text(value);
    }

    private static CustomValue number(int value) {
        return new CustomValue.Number(BigDecimal.valueOf(value));
    }
}
