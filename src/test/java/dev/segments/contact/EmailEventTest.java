package dev.segments.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.definition.EmailEventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailEventTest {

    @Test
    void refusesAnInstantWhoseMillisecondsDoNotFitTheEngine() {
        assertThatThrownBy(() -> new EmailEvent("c1", EmailEventType.OPENED, Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("at: " + Instant.MAX + " is outside the times the engine keeps");
        assertThatThrownBy(() -> new EmailEvent("c1", EmailEventType.OPENED, Instant.ofEpochMilli(Long.MIN_VALUE)
                .minusMillis(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTheLastInstantThatFits() {
        Instant last = Instant.ofEpochMilli(Long.MAX_VALUE);
        assertThat(new EmailEvent("c1", EmailEventType.OPENED, last).at()).isEqualTo(last);
    }
}
