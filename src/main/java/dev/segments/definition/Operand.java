package dev.segments.definition;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** The value of a field condition, already checked against its operator and kind. */
public sealed interface Operand {

    /** {@code isEmpty} and {@code isNotEmpty}. */
    record None() implements Operand {
    }

    /** A text or tag value exactly as written (trimming and case are the generator's business). */
    record Text(String value) implements Operand {
    }

    record TextList(List<String> values) implements Operand {
        public TextList {
            values = List.copyOf(values);
        }
    }

    record Number(BigDecimal value) implements Operand {
    }

    record NumberRange(BigDecimal low, BigDecimal high) implements Operand {
    }

    record Bool(boolean value) implements Operand {
    }

    record Time(TimePoint point) implements Operand {
    }

    record TimeRange(TimePoint low, TimePoint high) implements Operand {
    }

    /** A relative-time length ({@code withinLast}, {@code notWithinLast}, {@code moreThanAgo}, {@code withinNext}). */
    record Length(Duration duration) implements Operand {
    }

    /** An RE2 pattern for {@code matches}, already checked to compile. */
    record Pattern(String regex) implements Operand {
    }
}
