package dev.segments.engine;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;

/**
 * How often each rule has fired: what a change actually re-evaluated. Counted from rule events, which, unlike an
 * agenda listener, cost no event objects per firing.
 */
final class RuleFirings implements RuleEventListener {

    private final Map<Rule, long[]> counts = new IdentityHashMap<>();

    @Override
    public void onAfterMatchFire(Match match) {
        counts.computeIfAbsent(match.getRule(), rule -> new long[1])[0]++;
    }

    /** By rule name, versions of a rule replaced in place added together. */
    Map<String, Long> byName() {
        Map<String, Long> byName = new HashMap<>();
        counts.forEach((rule, count) -> byName.merge(rule.getName(), count[0], Long::sum));
        return Map.copyOf(byName);
    }
}
