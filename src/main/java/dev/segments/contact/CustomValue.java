package dev.segments.contact;

import java.math.BigDecimal;

/** A custom field value (SPEC 2): a string, a number or a boolean. */
public sealed interface CustomValue {

    record Text(String value) implements CustomValue {
    }

    record Number(BigDecimal value) implements CustomValue {
    }

    record Bool(boolean value) implements CustomValue {
    }
}
