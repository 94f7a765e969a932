package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.TimePoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
}
