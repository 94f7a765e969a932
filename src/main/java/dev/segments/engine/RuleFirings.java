package dev.segments.engine;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;

/**
 * How often each rule has fired: what a change actually re-evaluated. Counted from rule events, which, unlike an
 * agenda listener, cost no event objects per firing.
 */
final class RuleFirings {

    /** By rule object, which hashes by identity: a load fires millions of times, and names hash slower. */
    private final Map<Rule, long[]> counts = new IdentityHashMap<>();

    /** The rule that fired last and its count: Drools fires a rule's matches one after another. */
    private Rule lastRule;
    private long[] lastCount;

    void fired(Match match) {
        Rule rule = match.getRule();
        if (rule != lastRule) {
            lastCount = counts.computeIfAbsent(rule, r -> new long[1]);
            lastRule = rule;
        }
        lastCount[0]++;
    }

    /** Firings of rules no longer in the base, by name: their rule objects are let go. */
    private final Map<String, Long> ofRulesGone = new HashMap<>();

    /** After the rules were replaced in place: the counts of rules the base no longer holds are kept by name. */
    void forgetReplaced(KieBase base) {
        lastRule = null;
        lastCount = null;
        for (Iterator<Map.Entry<Rule, long[]>> it = counts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Rule, long[]> entry = it.next();
            Rule rule = entry.getKey();
            if (base.getRule(rule.getPackageName(), rule.getName()) != rule) {
                ofRulesGone.merge(rule.getName(), entry.getValue()[0], Long::sum);
                it.remove();
            }
        }
    }

    /** By rule name; versions of a rule replaced in place count together. */
    Map<String, Long> byName() {
        Map<String, Long> byName = new HashMap<>(ofRulesGone);
        counts.forEach((rule, count) -> byName.merge(rule.getName(), count[0], Long::sum));
        return Map.copyOf(byName);
    }
}
