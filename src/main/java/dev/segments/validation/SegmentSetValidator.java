package dev.segments.validation;

import dev.segments.definition.Condition;
import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a set of segments, each already valid on its own, against each other (SPEC 4 and 5): ids are unique
 * (also against segments defined in hand-written DRL), every {@code memberOf} names a known segment, and no segment
 * depends on itself through {@code memberOf}. Returns every problem found, in a stable order.
 */
public final class SegmentSetValidator {

    private static final int LISTED_IDS = 20;

    private SegmentSetValidator() {
    }

    public static List<Issue> validate(List<SegmentDefinition> segments) {
        return validate(segments, Map.of(), Set.of());
    }

    /**
     * @param handWritten ids of segments defined in hand-written DRL, with where each is defined: a {@code memberOf}
     *                    of one of them is fine, a segment file with the same id is an error
     */
    public static List<Issue> validate(List<SegmentDefinition> segments, Map<String, Location> handWritten) {
        return validate(segments, handWritten, Set.of());
    }

    /** As {@link #validate(List, Map)}, for hand-written ids whose place is not known. */
    public static List<Issue> validate(List<SegmentDefinition> segments, Set<String> handWritten) {
        Map<String, Location> unplaced = new LinkedHashMap<>();
        handWritten.forEach(id -> unplaced.put(id, null));
        return validate(segments, unplaced, Set.of());
    }

    /**
     * @param unreadable ids of segment files that failed to load (already reported): a {@code memberOf} of one of
     *                   them is not reported again
     */
    public static List<Issue> validate(List<SegmentDefinition> segments, Map<String, Location> handWritten,
            Set<String> unreadable) {
        List<Issue> issues = new ArrayList<>();
        Map<String, SegmentDefinition> byId = new LinkedHashMap<>();
        for (SegmentDefinition segment : segments) {
            SegmentDefinition first = byId.putIfAbsent(segment.id(), segment);
            if (first != null) {
                issues.add(new Issue(segment.at(), "duplicate segment id \"" + segment.id() + "\": also defined at "
                        + first.at() + "; give each segment its own id"));
            } else if (handWritten.containsKey(segment.id())) {
                Location drl = handWritten.get(segment.id());
                issues.add(new Issue(segment.at(), "segment id \"" + segment.id() + "\" is also defined in hand-written"
                        + " DRL" + (drl == null ? "" : " at " + drl) + "; rename one of them"));
            }
        }
        Set<String> known = new TreeSet<>(byId.keySet());
        known.addAll(handWritten.keySet());
        Map<String, Map<String, Location>> edges = new LinkedHashMap<>();
        for (SegmentDefinition segment : byId.values()) {
            Map<String, Location> targets = new LinkedHashMap<>();
            for (Condition.MemberOf ref : memberOfs(segment.match())) {
                if (!known.contains(ref.segmentId())) {
                    if (!unreadable.contains(ref.segmentId())) {
                        issues.add(new Issue(ref.at(), "memberOf unknown segment \"" + ref.segmentId() + "\""
                                + Suggestions.didYouMean(ref.segmentId(), known) + "; " + knownList(known)));
                    }
                } else if (byId.containsKey(ref.segmentId())) {
                    targets.putIfAbsent(ref.segmentId(), ref.at());
                }
            }
            edges.put(segment.id(), targets);
        }
        issues.addAll(cycles(edges));
        return issues;
    }

    /** Throws an {@link InvalidInputException} with every problem {@link #validate(List, Map)} finds. */
    public static void requireValid(List<SegmentDefinition> segments, Map<String, Location> handWritten) {
        List<Issue> issues = validate(segments, handWritten);
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
    }

    /** Every {@code memberOf} in a condition tree, in the order written. */
    public static List<Condition.MemberOf> memberOfs(Condition condition) {
        return condition.nodes().filter(Condition.MemberOf.class::isInstance).map(Condition.MemberOf.class::cast)
                .toList();
    }

    private static String knownList(Set<String> known) {
        if (known.isEmpty()) {
            return "there are no segments to refer to";
        }
        List<String> ids = new ArrayList<>(known);
        String listed = String.join(", ", ids.subList(0, Math.min(LISTED_IDS, ids.size())));
        return "known segments are: " + listed + (ids.size() > LISTED_IDS ? ", ..." : "");
    }

    /** One issue per strongly connected component that holds a cycle, naming one cycle through its smallest id. */
    private static List<Issue> cycles(Map<String, Map<String, Location>> edges) {
        List<Issue> issues = new ArrayList<>();
        for (Set<String> component : components(edges)) {
            String start = component.iterator().next();
            boolean cyclic = component.size() > 1 || edges.get(start).containsKey(start);
            if (!cyclic) {
                continue;
            }
            List<String> path = shortestCycle(start, component, edges);
            String next = path.get(1);
            issues.add(new Issue(edges.get(start).get(next), "memberOf cycle: " + String.join(" -> ", path)
                    + "; a segment cannot depend on itself, remove one of these memberOf references"));
        }
        return issues;
    }

    private static List<String> shortestCycle(String start, Set<String> component,
            Map<String, Map<String, Location>> edges) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String target : edges.get(node).keySet()) {
                if (!component.contains(target)) {
                    continue;
                }
                if (target.equals(start)) {
                    List<String> path = new ArrayList<>();
                    path.add(start);
                    for (String n = node; n != null; n = parent.get(n)) {
                        path.add(n);
                    }
                    Collections.reverse(path);
                    return path;
                }
                if (!parent.containsKey(target) && !target.equals(start)) {
                    parent.put(target, node);
                    queue.add(target);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    /** Tarjan's strongly connected components, each as a sorted set, in order of their smallest id. */
    private static List<Set<String>> components(Map<String, Map<String, Location>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String node : new TreeSet<>(edges.keySet())) {
            if (!index.containsKey(node)) {
                strongConnect(node, edges, index, low, stack, onStack, out);
            }
        }
        out.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
        return out;
    }

    private static void strongConnect(String node, Map<String, Map<String, Location>> edges,
            Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
            List<Set<String>> out) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String target : edges.get(node).keySet()) {
            if (!index.containsKey(target)) {
                strongConnect(target, edges, index, low, stack, onStack, out);
                low.put(node, Math.min(low.get(node), low.get(target)));
            } else if (onStack.contains(target)) {
                low.put(node, Math.min(low.get(node), index.get(target)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            out.add(component);
        }
    }
}
