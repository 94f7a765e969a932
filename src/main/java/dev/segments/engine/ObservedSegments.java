package dev.segments.engine;

import dev.segments.definition.Condition;
import dev.segments.definition.SegmentDefinition;
import dev.segments.validation.SegmentSetValidator;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The segments whose memberships some rule can observe, and so must be {@link SegmentMembership} facts: targets of a
 * {@code memberOf}, and segments a hand-written rule or query matches with a pattern on {@code SegmentMembership}
 * (anywhere in its conditions: under {@code not}, {@code exists}, {@code or}, {@code forall}, {@code from},
 * {@code accumulate}, {@code collect}). A pattern observes {@code x} when it has the literal constraint
 * {@code segmentId == "x"}; without one it observes every segment, as does a pattern on {@code Object}.
 */
record ObservedSegments(boolean all, Set<String> ids) {

    private static final Pattern LITERAL_SEGMENT =
            Pattern.compile("^\\s*(?:segmentId\\s*==\\s*\"([^\"\\\\]*)\"|\"([^\"\\\\]*)\"\\s*==\\s*segmentId)\\s*$");

    ObservedSegments {
        ids = Set.copyOf(ids);
    }

    boolean contains(String segmentId) {
        return all || ids.contains(segmentId);
    }

    static ObservedSegments in(Collection<SegmentDefinition> segments, Collection<DrlFile> handwritten) {
        Finder finder = new Finder();
        segments.forEach(s -> finder.condition(s.match()));
        handwritten.forEach(finder::file);
        return new ObservedSegments(finder.all, finder.ids);
    }

    private static final class Finder {
        boolean all;
        final Set<String> ids = new HashSet<>();

        void condition(Condition condition) {
            SegmentSetValidator.memberOfs(condition).forEach(m -> ids.add(m.segmentId()));
        }

        void file(DrlFile file) {
            PackageDescr drl;
            try {
                DrlParser parser = new DrlParser();
                drl = parser.parse(false, file.content());
                if (parser.hasErrors() || drl == null) {
                    all = true; // the compiler reports the error; assume the worst meanwhile
                    return;
                }
            } catch (DroolsParserException | RuntimeException e) {
                all = true;
                return;
            }
            for (RuleDescr rule : drl.getRules()) { // queries included
                descr(rule.getLhs());
            }
        }

        void descr(BaseDescr descr) {
            if (descr == null) {
                return;
            }
            if (descr instanceof PatternDescr pattern) {
                pattern(pattern);
                descr(pattern.getSource());
            } else if (descr instanceof AccumulateDescr accumulate) {
                descr(accumulate.getInput());
                accumulate.getDescrs().forEach(this::descr);
            } else if (descr instanceof CollectDescr collect) {
                descr(collect.getInputPattern());
            } else if (descr instanceof ConditionalElementDescr element) {
                element.getDescrs().forEach(this::descr);
            }
        }

        private void pattern(PatternDescr pattern) {
            String type = pattern.getObjectType();
            if (type == null) {
                return;
            }
            String simple = type.substring(type.lastIndexOf('.') + 1);
            if (simple.equals("Object")) {
                all = true;
            } else if (simple.equals(SegmentMembership.class.getSimpleName())) {
                String literal = literalSegment(pattern);
                if (literal == null) {
                    all = true;
                } else {
                    ids.add(literal);
                }
            }
        }

        private static String literalSegment(PatternDescr pattern) {
            for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    Matcher matcher = LITERAL_SEGMENT.matcher(expression.getExpression());
                    if (matcher.matches()) {
                        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    }
                }
            }
            return null;
        }
    }
}
