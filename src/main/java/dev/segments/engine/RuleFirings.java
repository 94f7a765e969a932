package dev.segments.engine;

import java.util.HashMap;
import java.util.Map;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;

/**
 * How often each rule has fired: what a change actually re-evaluated. Counted from rule events, which, unlike an
 * agenda listener, cost no event objects per firing.
 */
final class RuleFirings implements RuleEventListener {

    private final Map<String, long[]> counts = new HashMap<>();

    @Override
    public void onAfterMatchFire(Match match) {
        counts.computeIfAbsent(match.getRule().getName(), name -> new long[1])[0]++;
    }

    /** By rule name; versions of a rule replaced in place count together. */
    Map<String, Long> byName() {
        Map<String, Long> byName = new HashMap<>();
        counts.forEach((name, count) -> byName.put(name, count[0]));
        return Map.copyOf(byName);
    }
}
