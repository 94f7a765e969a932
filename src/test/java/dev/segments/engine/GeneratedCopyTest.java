package dev.segments.engine;

import static dev.segments.engine.Definitions.any;
import static dev.segments.engine.Definitions.not;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.Condition;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.drl.DrlGenerator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC 5: a rule author may start from a copy of a segment's generated DRL. The copy, in a package of its own, compiles
 * next to the generated rules (both import the same functions) and holds exactly the same members.
 */
class GeneratedCopyTest {

    static final Condition EVERY_TEXT_OPERATOR = any(
            text("email", Operator.CONTAINS, "@gmail."),
            text("firstName", Operator.STARTS_WITH, "an"),
            text("city", Operator.ENDS_WITH, "ton"),
            not(text("companyName", Operator.CONTAINS, "labs")),
            text("phone", Operator.MATCHES, "^\\+1512"));

    @Test
    void aCopyOfGeneratedDrlInAnotherPackageHoldsTheSameMembers() {
        SegmentDefinition generated = segment("texts", EVERY_TEXT_OPERATOR);
        String copy = new DrlGenerator(ZoneOffset.UTC).generate(segment("texts-copy", EVERY_TEXT_OPERATOR)).drl()
                .replace("package " + DrlGenerator.PACKAGE + ";", "package rules.handwritten;");
        RuleSources sources = new RuleSources(List.of(generated), List.of(new DrlFile("rules/texts-copy.drl", copy)));

        try (SegmentEngine engine = SegmentEngine.start(sources, EngineOptions.startingAt(Instant.EPOCH))) {
            engine.load(List.of(
                    ContactData.builder("gmail").email("Ann@Gmail.com").companyName("Acme Labs").build(),
                    ContactData.builder("boston").city("Boston").companyName("labs inc").build(),
                    ContactData.builder("labs").companyName("Big LABS").phone("+15125550100").build(),
                    ContactData.builder("nobody").companyName("labs").build()), List.of());
            engine.upsert(ContactData.builder("nobody").companyName("labs").firstName("Andy").build());
            engine.upsert(ContactData.builder("boston").city("Austin").companyName("labs inc").build());

            assertThat(engine.members("texts")).containsExactly("gmail", "labs", "nobody");
            assertThat(engine.members("texts-copy")).isEqualTo(engine.members("texts"));
        }
    }
}
