package dev.segments.engine;

import dev.segments.definition.Location;
import dev.segments.validation.Issue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Drools' compile errors as issues at the place a person wrote them: the hand-written or workflow file and line, or
 * the segment file a generated DRL file came from.
 */
final class BuildIssues {

    /** The parser puts the real column in its text ({@code [ERR 101] Line 5:25 ...}) and reports column 0. */
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("Line (\\d+):(\\d+)");
    /** An XML parser's position ({@code lineNumber: 13; columnNumber: 7}), 1-based. */
    private static final Pattern XML_POSITION = Pattern.compile("lineNumber: (\\d+); columnNumber: (\\d+)");

    private final ModuleLayout layout;

    BuildIssues(ModuleLayout layout) {
        this.layout = layout;
    }

    /**
     * Messages that repeat a problem reported better elsewhere: after a syntax error the parser also says it made no
     * package, and duplicate process ids are reported by {@code ProcessIds} with both files named.
     */
    static boolean isEcho(String text) {
        return text != null && (text.contains("Parser returned a null Package")
                || text.contains("Process with same id already exists"));
    }

    Issue of(Message message) {
        return issue(message.getPath(), message.getLine(), message.getColumn(), message.getText());
    }

    Issue of(KnowledgeBuilderError error) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        int[] lines = error.getLines();
        return issue(path, lines.length == 0 ? 0 : lines[0], 0, error.getMessage());
    }

    private Issue issue(String messagePath, int messageLine, int messageColumn, String messageText) {
        String path = messagePath == null ? "" : messagePath;
        String text = messageText == null ? "" : messageText.strip().replaceAll("\\s+", " ");
        Location segment = layout.generatedAt().get(path);
        if (segment != null) {
            return new Issue(segment, "generated DRL does not compile (line " + messageLine + "): " + text);
        }
        String file = layout.reportedPaths().getOrDefault(path, path);
        int line = Math.max(messageLine, 0);
        int column = Math.max(messageColumn, 0);
        Matcher position = LINE_AND_COLUMN.matcher(text);
        if (column == 0 && position.find() && Integer.parseInt(position.group(1)) == line) {
            column = Integer.parseInt(position.group(2)) + 1;
        }
        Matcher xml = XML_POSITION.matcher(text);
        if (line == 0 && xml.find()) {
            line = Integer.parseInt(xml.group(1));
            column = Integer.parseInt(xml.group(2));
        }
        return new Issue(new Location(file, line, column), text);
    }
}
