package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.ContactField;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.Field;
import dev.segments.definition.Operator;
import dev.segments.definition.TimePoint;
import dev.segments.time.ActivityWindow;
import dev.segments.time.RelativeWindow;
import dev.segments.time.TimeWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A state that reuses its previous parts is the state worked out from scratch, at every step of random histories. */
class TimeStateTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private static final TimeWindows WINDOWS = new TimeWindows(Set.of(
            relative(new Field.Standard(ContactField.CREATED_AT), Operator.WITHIN_LAST, Duration.ofDays(7)),
            relative(new Field.Standard(ContactField.CREATED_AT), Operator.MORE_THAN_AGO, Duration.ofDays(30)),
            relative(new Field.Standard(ContactField.LAST_EMAIL_OPENED_AT), Operator.WITHIN_LAST, Duration.ofDays(3)),
            relative(new Field.Custom("renewal"), Operator.WITHIN_NEXT, Duration.ofDays(14))), Set.of(
            new ActivityWindow(EmailEventType.OPENED, Duration.ofDays(7), Optional.empty()),
            new ActivityWindow(EmailEventType.CLICKED, Duration.ofDays(1), Optional.empty()),
            new ActivityWindow(EmailEventType.SENT, Duration.ofDays(30), Optional.of("spring"))));

    @Test
    void randomHistoriesOfEventsFieldChangesAndClockMovesGiveTheStateComputedFromScratch() {
        Random random = new Random(7);
        for (int history = 0; history < 200; history++) {
            long now = START.toEpochMilli();
            ContactData data = ContactData.builder("c-" + history)
                    .createdAt(new TimePoint.AtInstant(START.minusMillis(random.nextLong(60 * DAY))))
                    .custom("renewal", new CustomValue.Text(Instant.ofEpochMilli(now + random.nextLong(40 * DAY))
                            .toString()))
                    .build();
            NormalizedContact contact = NormalizedContact.of(data, ZoneOffset.UTC);
            EventHistory events = EventHistory.EMPTY;
            TimeState state = TimeState.at(now, contact, events, WINDOWS, null);
            for (int step = 0; step < 60; step++) {
                List<EmailEvent> added = List.of();
                switch (random.nextInt(5)) {
                    case 0 -> now += random.nextLong(3 * DAY);
                    case 1 -> now = state.nextChange().orElse(now); // exactly at the next change
                    case 2 -> {
                        ContactData before = data;
                        data = data.toBuilder().createdAt(new TimePoint.AtInstant(
                                Instant.ofEpochMilli(now - random.nextLong(40 * DAY)))).build();
                        contact = NormalizedContact.of(data, ZoneOffset.UTC, before, contact);
                    }
                    default -> {
                        EmailEventType type = EmailEventType.values()[random.nextInt(4)];
                        long at = now - random.nextLong(10 * DAY) + random.nextLong(2 * HOUR); // some ahead of now
                        EmailEvent event = new EmailEvent(data.id(), type, Instant.ofEpochMilli(at),
                                random.nextBoolean() ? Optional.of("spring") : Optional.empty(), Optional.empty());
                        added = List.of(event);
                        events = events.with(added);
                        ContactData before = data;
                        data = EventEffects.apply(data, event);
                        contact = NormalizedContact.of(data, ZoneOffset.UTC, before, contact);
                    }
                }
                state = added.isEmpty() ? TimeState.at(now, contact, events, WINDOWS, state)
                        : TimeState.withEventsAdded(now, contact, events, added, WINDOWS, state);
                TimeState scratch = TimeState.at(now, contact, events, WINDOWS, null);
                String where = "history " + history + ", step " + step;
                assertThat(state.flags()).as(where).isEqualTo(scratch.flags());
                assertThat(state.counts()).as(where).isEqualTo(scratch.counts());
                assertThat(state.nextChange()).as(where).isEqualTo(scratch.nextChange());
            }
        }
    }

    @Test
    void aStateStandsUntilItsNextChangeWhileItsInputsAreTheSame() {
        long now = START.toEpochMilli();
        NormalizedContact contact = NormalizedContact.of(ContactData.builder("c-1")
                .createdAt(new TimePoint.AtInstant(START.minus(Duration.ofDays(2)))).build(), ZoneOffset.UTC);
        TimeState state = TimeState.at(now, contact, List.of(), WINDOWS, null);
        long next = state.nextChange().orElseThrow();
        assertThat(next).isEqualTo(START.plus(Duration.ofDays(5)).toEpochMilli());

        assertThat(TimeState.at(next - 1, contact, List.of(), WINDOWS, state)).isSameAs(state);
        TimeState atTheChange = TimeState.at(next, contact, List.of(), WINDOWS, state);
        assertThat(atTheChange).isNotSameAs(state);
        assertThat(atTheChange.flags()).isEmpty();
    }

    @Test
    void anEventThatMovesNoTimeKeepsTheFlagsAndCountsOnlyItself() {
        long now = START.toEpochMilli();
        NormalizedContact contact = NormalizedContact.of(ContactData.builder("c-1")
                .createdAt(new TimePoint.AtInstant(START.minus(Duration.ofDays(2)))).build(), ZoneOffset.UTC);
        EmailEvent opened = new EmailEvent("c-1", EmailEventType.OPENED, START.minus(Duration.ofDays(1)));
        TimeState state = TimeState.at(now, contact, List.of(opened), WINDOWS, null);

        EmailEvent delivered = new EmailEvent("c-1", EmailEventType.DELIVERED, START);
        EmailEvent openedAgain = new EmailEvent("c-1", EmailEventType.OPENED, START);
        TimeState after = TimeState.withEventsAdded(now + HOUR, contact, List.of(opened, delivered, openedAgain),
                List.of(delivered, openedAgain), WINDOWS, state);

        assertThat(after.flags()).as("the relative flags are reused").isSameAs(state.flags())
                .containsExactly("createdAt withinLast P7D");
        assertThat(after.counts()).containsExactlyEntriesOf(Map.of("email.opened within P7D", 2));
    }

    private static RelativeWindow relative(Field field, Operator op, Duration length) {
        return new RelativeWindow(field, op, length);
    }
}
