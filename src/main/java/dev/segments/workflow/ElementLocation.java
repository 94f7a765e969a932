package dev.segments.workflow;

import dev.segments.definition.Location;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a BPMN element is written: the line and column of the tag that carries its {@code id="..."}. */
final class ElementLocation {

    private ElementLocation() {
    }

    static Location of(WorkflowFile file, String elementId) {
        String content = file.content();
        Matcher matcher = Pattern.compile("(?<![\\w:.-])id=\"" + Pattern.quote(elementId) + "\"").matcher(content);
        if (!matcher.find()) {
            return Location.unknown(file.path());
        }
        int offset = content.lastIndexOf('<', matcher.start());
        int lineStart = content.lastIndexOf('\n', offset) + 1;
        int line = 1 + (int) content.substring(0, offset).chars().filter(c -> c == '\n').count();
        return new Location(file.path(), line, offset - lineStart + 1);
    }
}
