package dev.segments.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    private static final List<String> NAMES = List.of("state", "email", "equals", "notEquals", "lastEmailOpenedAt",
            "email.opened", "email.clicked", "match", "value", "within", "containsAny", "containsAll");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "stat, state",
            "State, state",
            "equal, equals",
            "notequal, notEquals",
            "lastEmailOpened, lastEmailOpenedAt",
            "lastEmailOpendAt, lastEmailOpenedAt",
            "email.open, email.opened",
            "opened, email.opened",
            "vaule, value",
            "wihtin, within",
            "mtch, match",
            "containsAnyy, containsAny",
            "zip, none",
            "x, none",
            "completelyDifferent, none",
            "contains, none"})
    void suggestsTheNameTheUserMostLikelyMeant(String input, String expected) {
        assertThat(Suggestions.closest(input, NAMES).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stat | ' (did you mean \"state\"?)'",
            "zip  | ''"})
    void writesTheHintReadyToAppendToAMessage(String input, String hint) {
        assertThat(Suggestions.didYouMean(input, NAMES)).isEqualTo(hint);
    }
}
