package dev.segments.definition.io;

import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import dev.segments.validation.SegmentSetValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every segment file ({@code *.json}, {@code *.yaml}, {@code *.yml}) under a directory, recursively and in
 * path order, then checks them against each other with {@link SegmentSetValidator}. Problems of every file are
 * collected and thrown together. A directory that does not exist holds no segments (all segments may be written in
 * DRL).
 */
public final class SegmentDirectoryReader {

    private SegmentDirectoryReader() {
    }

    public static List<SegmentDefinition> read(Path dir) {
        return read(dir, Map.of());
    }

    /**
     * @param handWritten ids of segments defined in hand-written DRL, with where each is defined
     * @return the segments, in path order
     * @throws InvalidInputException with every problem of every file and across files
     */
    public static List<SegmentDefinition> read(Path dir, Map<String, Location> handWritten) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(new Issue(Location.unknown(dir.toString()),
                    "not a directory: segment files go in a directory such as rules/segments"));
        }
        List<Issue> issues = new ArrayList<>();
        List<SegmentDefinition> segments = new ArrayList<>();
        Set<String> unreadable = new LinkedHashSet<>();
        for (Path file : files(dir)) {
            SegmentFileReader.Outcome outcome = SegmentFileReader.readCollecting(file);
            issues.addAll(outcome.issues());
            outcome.segment().ifPresent(segments::add);
            if (outcome.segment().isEmpty()) {
                outcome.id().ifPresent(unreadable::add);
            }
        }
        issues.addAll(SegmentSetValidator.validate(segments, handWritten, unreadable));
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        return List.copyOf(segments);
    }

    /** The segment files under {@code dir}, sorted by path. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(SegmentFileReader::isSegmentFile)
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
