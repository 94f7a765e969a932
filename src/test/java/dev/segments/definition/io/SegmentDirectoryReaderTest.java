package dev.segments.definition.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentDirectoryReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsJsonAndYamlFilesRecursivelyInPathOrder() throws IOException {
        write("b.yaml", "id: b\nmatch:\n  memberOf: a\n");
        write("a.json", "{\"id\": \"a\", \"match\": {\"field\": \"state\", \"op\": \"equals\", \"value\": \"TX\"}}");
        write("nested/c.yml", "id: c\nmatch:\n  all: []\n");
        write("notes.txt", "not a segment");
        write("README.md", "# segments");

        assertThat(SegmentDirectoryReader.read(dir)).extracting(SegmentDefinition::id).containsExactly("a", "b", "c");
    }

    @Test
    void aMissingDirectoryHoldsNoSegments() {
        assertThat(SegmentDirectoryReader.read(dir.resolve("segments"))).isEmpty();
    }

    @Test
    void namesBothFilesOfADuplicateId() throws IOException {
        Path first = write("a.json", "{\"id\": \"vip\", \"match\": {\"all\": []}}");
        Path second = write("b.yaml", "name: VIP again\nid: vip\nmatch:\n  all: []\n");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentDirectoryReader.read(dir));

        assertThat(e.issues()).singleElement().satisfies(i -> {
            assertThat(i.at()).isEqualTo(new Location(second.toString(), 2, 5));
            assertThat(i.message()).isEqualTo("duplicate segment id \"vip\": also defined at " + first + ":1:8; "
                    + "give each segment its own id");
        });
    }

    @Test
    void reportsAMemberOfAnUnknownSegmentAtTheReference() throws IOException {
        write("vip.json", "{\"id\": \"vip\", \"match\": {\"all\": []}}");
        Path file = write("x.yaml", "id: x\nmatch:\n  memberOf: vipp\n");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentDirectoryReader.read(dir));

        assertThat(e.issues()).singleElement().satisfies(i -> {
            assertThat(i.at()).isEqualTo(new Location(file.toString(), 3, 13));
            assertThat(i.message()).isEqualTo("memberOf unknown segment \"vipp\" (did you mean \"vip\"?); "
                    + "known segments are: vip, x");
        });
    }

    @Test
    void namesAMemberOfCycleAcrossFiles() throws IOException {
        Path a = write("a.json", "{\"id\": \"a\", \"match\": {\"memberOf\": \"b\"}}");
        write("b.json", "{\"id\": \"b\", \"match\": {\"not\": {\"memberOf\": \"a\"}}}");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentDirectoryReader.read(dir));

        assertThat(e.issues()).singleElement().satisfies(i -> {
            assertThat(i.at()).isEqualTo(new Location(a.toString(), 1, 35));
            assertThat(i.message()).startsWith("memberOf cycle: a -> b -> a; ");
        });
    }

    @Test
    void acceptsMemberOfAHandWrittenSegmentAndRefusesAFileWithItsId() throws IOException {
        write("fans.json", "{\"id\": \"fans\", \"match\": {\"memberOf\": \"big-spenders\"}}");
        Path clash = write("vip.json", "{\"id\": \"vip\", \"match\": {\"all\": []}}");
        Location drl = new Location("rules/custom.drl", 12, 1);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentDirectoryReader.read(dir, Map.of("big-spenders", drl, "vip", drl)));

        assertThat(e.issues()).singleElement().satisfies(i -> {
            assertThat(i.at()).isEqualTo(new Location(clash.toString(), 1, 8));
            assertThat(i.message()).isEqualTo("segment id \"vip\" is also defined in hand-written DRL at "
                    + "rules/custom.drl:12:1; rename one of them");
        });
    }

    @Test
    void collectsTheProblemsOfEveryFileAndDoesNotRepeatThemAsUnknownReferences() throws IOException {
        write("a.json", "{\"id\": \"a\", \"match\": {\"field\": \"stat\", \"op\": \"isEmpty\"}}");
        write("b.yaml", "id: b\nmatch:\n  memberOf: a\n");
        write("c.yaml", "id: c\nmatch:\n  op: isEmpty\n");
        write("d.json", "{\"id\": \"d\", \"match\": {\"memberOf\": \"zzz\"}}");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentDirectoryReader.read(dir));

        assertThat(e.issues()).extracting(Issue::message).satisfiesExactly(
                m -> assertThat(m).startsWith("unknown field \"stat\""),
                m -> assertThat(m).startsWith("a condition needs one of"),
                m -> assertThat(m).startsWith("memberOf unknown segment \"zzz\""));
        assertThat(e.issues()).extracting(i -> dir.relativize(Path.of(i.at().file())).toString())
                .containsExactly("a.json", "c.yaml", "d.json");
    }

    @Test
    void refusesAFileWhereADirectoryIsExpected() throws IOException {
        Path file = write("a.json", "{}");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentDirectoryReader.read(file));

        assertThat(e.issues()).singleElement().extracting(Issue::message).asString().startsWith("not a directory");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
