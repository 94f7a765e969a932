package dev.segments.workflow;

import dev.segments.definition.Location;
import dev.segments.validation.Issue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Process ids across workflow files: two files declaring one id would replace each other in the KieBase, and the
 * KIE builder reports that without saying which files; this names both.
 */
public final class ProcessIds {

    private static final Pattern PROCESS = Pattern.compile("<(?:[A-Za-z0-9_]+:)?process\\b[^>]*?\\sid=\"([^\"]*)\"");

    private ProcessIds() {
    }

    public static List<Issue> duplicates(List<WorkflowFile> files) {
        Map<String, Location> first = new LinkedHashMap<>();
        List<Issue> issues = new ArrayList<>();
        for (WorkflowFile file : files) {
            Matcher matcher = PROCESS.matcher(file.content());
            while (matcher.find()) {
                String id = matcher.group(1);
                Location at = ElementLocation.of(file, id);
                Location previous = first.putIfAbsent(id, at);
                if (previous != null) {
                    issues.add(new Issue(at, "process id \"" + id + "\" is already used at " + previous
                            + "; give each workflow its own id"));
                }
            }
        }
        return issues;
    }
}
