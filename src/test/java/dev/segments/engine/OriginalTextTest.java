package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginalTextTest {

    private static final ContactData ANN = ContactData.builder("c-1").city("  Austin ").state(" ").phone("+15125550100")
            .custom("plan", new CustomValue.Text(" Gold ")).custom("seats", new CustomValue.Number(BigDecimal.TEN))
            .build();

    @Test
    void holdsTrimmedTextAsWrittenByFieldNameAndBlankAsAbsent() {
        OriginalText text = new OriginalText(ANN);
        assertThat(text.get("city")).isEqualTo("Austin");
        assertThat(text.get("custom.plan")).isEqualTo("Gold");
        assertThat(text.get("state")).isNull();
        assertThat(text.get("custom.seats")).as("not text").isNull();
        assertThat(text.get("custom.missing")).isNull();
        assertThat(text.get("unknown")).isNull();
        assertThat(text).containsExactlyInAnyOrderEntriesOf(Map.of("city", "Austin", "phone", "+15125550100",
                "emailStatus", "subscribed", "custom.plan", "Gold"));
    }

    @Test
    void isEqualExactlyWhenEveryTrimmedValueIs() {
        OriginalText ann = new OriginalText(ANN);
        assertThat(ann).isEqualTo(new OriginalText(ANN));
        assertThat(ann).isEqualTo(new OriginalText(ANN.toBuilder().city("Austin").firstName(" ").build()));
        assertThat(ann).isEqualTo(Map.copyOf(ann));
        assertThat(ann.hashCode()).isEqualTo(Map.copyOf(ann).hashCode());
        assertThat(ann).as("case counts for matches").isNotEqualTo(new OriginalText(ANN.toBuilder().city("AUSTIN").build()));
        assertThat(ann).isNotEqualTo(new OriginalText(ANN.toBuilder().custom("plan", new CustomValue.Text("gold")).build()));
        assertThat(ann).isNotEqualTo(new OriginalText(ANN.toBuilder().custom("tier", new CustomValue.Text("a")).build()));
        assertThat(new OriginalText(ANN.toBuilder().custom("tier", new CustomValue.Text("a")).build())).isNotEqualTo(ann);
        ContactData spaced = ANN.toBuilder().custom("plan", new CustomValue.Text(" Gold "))
                .custom("tier", new CustomValue.Text("  ")).build();
        assertThat(ann).as("custom text trimmed, blank as absent").isEqualTo(new OriginalText(spaced));
        assertThat(new OriginalText(spaced)).isEqualTo(ann);
    }
}
