package dev.segments.drl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.io.SegmentFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DRL text each definition in {@code src/test/resources/drl/golden} produces: {@code NAME.drl} in the form
 * {@code generate} prints (memberships as facts), {@code NAME.matches.drl} in the form the engine runs for a segment no
 * rule observes. To accept a deliberate change of the generated text, run with {@code -Dgolden.update=true} and review
 * the diff.
 */
class DrlGeneratorGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/drl/golden");

    static Stream<String> definitions() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void generatesTheExpectedDrl(String file) throws IOException {
        check(file, MembershipKeeping.FACT, ".drl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void generatesTheExpectedMatchKeptDrl(String file) throws IOException {
        check(file, MembershipKeeping.MATCHES, ".matches.drl");
    }

    private static void check(String file, MembershipKeeping keeping, String extension) throws IOException {
        SegmentDefinition definition = SegmentFileReader.read(GOLDEN.resolve(file));
        String drl = new DrlGenerator(ZoneOffset.UTC).generate(definition, keeping).drl();
        Path expected = GOLDEN.resolve(file.replace(".json", extension));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, drl, StandardCharsets.UTF_8);
        }
        assertThat(drl).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
