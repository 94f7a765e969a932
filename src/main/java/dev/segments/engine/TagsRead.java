package dev.segments.engine;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The tags whose part ({@link dev.segments.drl.PropertyParts}) a change names: those generated rules read, or every
 * tag when a hand-written rule reads a part itself, since what it reads there cannot be told from its text.
 */
record TagsRead(boolean every, Set<String> tags) implements Predicate<String> {

    private static final Pattern PART = Pattern.compile("\\btagsPart\\d+\\b");

    TagsRead {
        tags = Set.copyOf(tags);
    }

    static TagsRead of(Set<String> readByGenerated, List<DrlFile> handwritten) {
        boolean partReadByHand = handwritten.stream().anyMatch(file -> PART.matcher(file.content()).find());
        return new TagsRead(partReadByHand, readByGenerated);
    }

    @Override
    public boolean test(String tag) {
        return every || tags.contains(tag);
    }
}
