package dev.segments.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random hand-written segments {@code h0..h<n-1>} in two DRL files, of the shapes a rule author writes: one condition
 * on contacts or on membership facts, a contact joined to a membership either way round, {@code not} and
 * {@code exists}. The few states, cities and segments they read make rules share inputs with each other and with
 * generated rules ({@link RandomSegmentEdits}); {@code h<i>} reads generated segments and {@code h<j>}, {@code j < i}.
 */
final class RandomHandWrittenRules {

    private RandomHandWrittenRules() {
    }

    /** What the rules may use: patterns joined and {@code not} (as generated rules), or {@code exists} too. */
    enum Shapes {
        PATTERNS_AND_NOT, WITH_EXISTS
    }

    /** Rule source by name, in order; each rule derives the segment of its name. */
    static TreeMap<String, String> rules(Random random, int count, Shapes shapes) {
        TreeMap<String, String> rules = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            rules.put("h" + i, rule(random, i, shapes));
        }
        return rules;
    }

    /** A few rules replaced in place (same name, new conditions), one removed and one added. */
    static TreeMap<String, String> edited(Random random, TreeMap<String, String> rules, Shapes shapes) {
        TreeMap<String, String> edited = new TreeMap<>(rules);
        List<String> names = new ArrayList<>(edited.keySet());
        for (int i = 0; i < 2; i++) {
            String name = names.get(random.nextInt(names.size()));
            edited.put(name, rule(random, Integer.parseInt(name.substring(1)), shapes));
        }
        String last = "h" + (names.stream().mapToInt(name -> Integer.parseInt(name.substring(1))).max().orElse(0));
        if (edited.size() > 2 && noOtherReads(edited, last)) {
            edited.remove(last);
        }
        int added = 1 + names.stream().mapToInt(name -> Integer.parseInt(name.substring(1))).max().orElse(0);
        edited.put("h" + added, rule(random, added, shapes));
        return edited;
    }

    private static boolean noOtherReads(TreeMap<String, String> rules, String segment) {
        return rules.entrySet().stream().filter(rule -> !rule.getKey().equals(segment))
                .noneMatch(rule -> rule.getValue().contains("\"" + segment + "\""));
    }

    /** The rules in two files, even- and odd-numbered, so that an edit changes one file or both. */
    static List<DrlFile> files(TreeMap<String, String> rules) {
        StringBuilder even = new StringBuilder(header());
        StringBuilder odd = new StringBuilder(header());
        rules.forEach((name, rule) -> (Integer.parseInt(name.substring(1)) % 2 == 0 ? even : odd).append(rule));
        return List.of(new DrlFile("rules/even.drl", even.toString()), new DrlFile("rules/odd.drl", odd.toString()));
    }

    private static String header() {
        return """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;

                """;
    }

    private static String rule(Random random, int index, Shapes shapes) {
        String name = "h" + index;
        String state = RandomSegmentEdits.STATES.split(" ")[random.nextInt(4)].toLowerCase();
        String city = RandomSegmentEdits.CITIES.get(random.nextInt(RandomSegmentEdits.CITIES.size())).toLowerCase();
        String read = readable(random, index);
        String when = switch (random.nextInt(shapes == Shapes.WITH_EXISTS ? 6 : 5)) {
            case 0 -> "$c : Contact( state == \"%s\" )".formatted(state);
            case 1 -> "$m : SegmentMembership( segmentId == \"%s\" )".formatted(read);
            case 2 -> "$c : Contact( city == \"%s\" )%n    SegmentMembership( segmentId == \"%s\", contactId == $c.id )"
                    .formatted(city, read);
            case 3 -> ("SegmentMembership( segmentId == \"%s\", $id : contactId )%n"
                    + "    $c : Contact( id == $id, state == \"%s\" )").formatted(read, state);
            case 4 -> ("$c : Contact( city == \"%s\" )%n"
                    + "    not SegmentMembership( segmentId == \"%s\", contactId == $c.id )").formatted(city, read);
            default -> ("$c : Contact( state == \"%s\" )%n"
                    + "    exists SegmentMembership( segmentId == \"%s\", contactId == $c.id )").formatted(state, read);
        };
        String id = when.startsWith("$m") ? "$m.getContactId()" : "$c.getId()";
        return """
                rule "%s" when
                    %s
                then insertLogical(new SegmentMembership("%s", %s)); // %d
                end

                """.formatted(name, when, name, id, random.nextInt(1000));
    }

    /** A segment rule {@code h<index>} may read: generated ones, or a hand-written one before it. */
    private static String readable(Random random, int index) {
        return switch (random.nextInt(3)) {
            case 0 -> "vip";
            case 1 -> index > 0 ? "h" + random.nextInt(index) : "partner";
            default -> "partner";
        };
    }
}
