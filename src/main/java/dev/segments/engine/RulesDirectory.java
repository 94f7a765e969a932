package dev.segments.engine;

import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.io.SegmentDirectoryReader;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a rules directory (SPEC 5): segment files under {@code segments/}, hand-written DRL anywhere else below it.
 * Every problem of every file is collected and thrown together.
 */
public final class RulesDirectory {

    public static final String SEGMENTS = "segments";

    private RulesDirectory() {
    }

    public static RuleSources load(Path rulesDir) {
        List<DrlFile> handwritten = handwritten(rulesDir);
        Map<String, Location> handwrittenIds = new LinkedHashMap<>();
        handwritten.forEach(file -> HandwrittenSegments.idsIn(file).forEach(handwrittenIds::putIfAbsent));
        List<SegmentDefinition> segments = SegmentDirectoryReader.read(rulesDir.resolve(SEGMENTS), handwrittenIds);
        return new RuleSources(segments, handwritten);
    }

    /** The hand-written DRL files under the rules directory (outside {@code segments/}), sorted by path. */
    public static List<DrlFile> handwritten(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            throw new InvalidInputException(new Issue(Location.unknown(rulesDir.toString()),
                    "not a directory: give the rules directory, the one that holds segments/"));
        }
        Path segments = rulesDir.resolve(SEGMENTS);
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            List<Path> paths = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".drl"))
                    .filter(p -> !p.startsWith(segments))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
            List<DrlFile> files = new ArrayList<>();
            for (Path path : paths) {
                files.add(new DrlFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new InvalidInputException(new Issue(Location.unknown(rulesDir.toString()),
                    "cannot read: " + e.getMessage()));
        }
    }
}
