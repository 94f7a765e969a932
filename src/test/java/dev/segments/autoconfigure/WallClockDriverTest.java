package dev.segments.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.TimePoint;
import dev.segments.definition.io.SegmentFileReader;
import dev.segments.engine.EngineOptions;
import dev.segments.engine.MembershipChange;
import dev.segments.engine.RuleSources;
import dev.segments.engine.SegmentEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WallClockDriverTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    /** A wall clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void wakingLateStillStampsTheChangeAtItsOwnInstantAndSleepsUntilTheNextOne() {
        HandClock clock = new HandClock();
        try (SegmentEngine engine = SegmentEngine.start(RuleSources.of(List.of(SegmentFileReader.read("recent.json",
                "{\"id\": \"recent\", \"match\": {\"field\": \"lastEmailOpenedAt\", \"op\": \"withinLast\", "
                        + "\"value\": \"PT1H\"}}"))), EngineOptions.startingAt(T0))) {
            List<MembershipChange> heard = new ArrayList<>();
            engine.addListener(heard::addAll);
            engine.upsert(ContactData.builder("c-1").lastEmailOpenedAt(new TimePoint.AtInstant(T0)).build());
            WallClockDriver driver = new WallClockDriver(engine, clock);

            clock.now = T0.plus(Duration.ofMinutes(30));
            assertThat(driver.advance()).isEqualTo(Duration.ofSeconds(1));

            clock.now = T0.plus(Duration.ofMinutes(59)).plusSeconds(59).plusMillis(700);
            assertThat(driver.advance()).isEqualTo(Duration.ofMillis(300));

            clock.now = T0.plus(Duration.ofHours(5));
            driver.advance();
            assertThat(engine.now()).isEqualTo(clock.now);
            assertThat(heard).extracting(MembershipChange::at, MembershipChange::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(T0, MembershipChange.Kind.ENTERED),
                    org.assertj.core.groups.Tuple.tuple(T0.plus(Duration.ofHours(1)), MembershipChange.Kind.EXITED));
        }
    }
}
