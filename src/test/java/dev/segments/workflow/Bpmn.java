package dev.segments.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small BPMN2 processes for tests: a signal start, service tasks in a row, an end. An input whose value is
 * {@code var:<name>} is mapped from that process variable (which must be declared) instead of a literal; a
 * {@link #script} step is a Java script task; declared variables are {@code name} (a String) or {@code name:Type}.
 */
public final class Bpmn {

    /** The prefix of an input value that names a process variable instead of a literal. */
    public static final String VARIABLE = "var:";

    public record Task(String name, Map<String, String> inputs) {
    }

    private Bpmn() {
    }

    public static Task task(String name, String... inputPairs) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int i = 0; i < inputPairs.length; i += 2) {
            inputs.put(inputPairs[i], inputPairs[i + 1]);
        }
        return new Task(name, inputs);
    }

    /** A script task (Java), e.g. {@code kcontext.setVariable("seats", 12);}. */
    public static Task script(String javaCode) {
        return new Task(SCRIPT, Map.of("code", javaCode));
    }

    private static final String SCRIPT = "<script>";

    public static WorkflowFile file(String processId, String signal, Task... tasks) {
        return new WorkflowFile("workflows/" + processId + ".bpmn", process(processId, signal, List.of(tasks)));
    }

    /** A workflow file at a path of its own (two files may then hold processes with the same id). */
    public static WorkflowFile fileAt(String path, String processId, String signal, Task... tasks) {
        return new WorkflowFile(path, process(processId, signal, List.of(tasks)));
    }

    public static String process(String processId, String signal, List<Task> tasks) {
        return process(processId, signal, tasks, List.of());
    }

    /** A process that declares the given String process variables ({@code <bpmn2:property>}). */
    public static String process(String processId, String signal, List<Task> tasks, List<String> variables) {
        StringBuilder xml = new StringBuilder();
        xml.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:drools="http://www.jboss.org/drools" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="defs" targetNamespace="http://www.jboss.org/drools">
                """);
        variables.stream().map(Bpmn::type).distinct().forEach(type -> xml.append("  <bpmn2:itemDefinition id=\"_")
                .append(type).append("Item\" structureRef=\"").append(type).append("\"/>\n"));
        xml.append("  <bpmn2:signal id=\"trigger\" name=\"").append(signal).append("\"/>\n");
        xml.append("  <bpmn2:process id=\"").append(processId).append("\" name=\"").append(processId)
                .append("\" isExecutable=\"true\" processType=\"Private\">\n");
        variables.forEach(variable -> xml.append("    <bpmn2:property id=\"").append(name(variable))
                .append("\" itemSubjectRef=\"_").append(type(variable)).append("Item\" name=\"").append(name(variable))
                .append("\"/>\n"));
        xml.append("""
                    <bpmn2:startEvent id="start">
                      <bpmn2:outgoing>f0</bpmn2:outgoing>
                      <bpmn2:signalEventDefinition signalRef="trigger"/>
                    </bpmn2:startEvent>
                """);
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            String id = "task" + i;
            if (task.name().equals(SCRIPT)) {
                xml.append("    <bpmn2:scriptTask id=\"").append(id).append("\" name=\"script\" ")
                        .append("scriptFormat=\"http://www.java.com/java\">\n")
                        .append("      <bpmn2:incoming>f").append(i).append("</bpmn2:incoming>\n")
                        .append("      <bpmn2:outgoing>f").append(i + 1).append("</bpmn2:outgoing>\n")
                        .append("      <bpmn2:script>").append(task.inputs().get("code")).append("</bpmn2:script>\n")
                        .append("    </bpmn2:scriptTask>\n");
                continue;
            }
            xml.append("    <bpmn2:task id=\"").append(id).append("\" name=\"").append(task.name())
                    .append("\" drools:taskName=\"").append(task.name()).append("\">\n");
            xml.append("      <bpmn2:incoming>f").append(i).append("</bpmn2:incoming>\n");
            xml.append("      <bpmn2:outgoing>f").append(i + 1).append("</bpmn2:outgoing>\n");
            xml.append("      <bpmn2:ioSpecification>\n");
            task.inputs().keySet().forEach(name -> xml.append("        <bpmn2:dataInput id=\"").append(id).append('_')
                    .append(name).append("\" name=\"").append(name).append("\"/>\n"));
            xml.append("        <bpmn2:inputSet>\n");
            task.inputs().keySet().forEach(name -> xml.append("          <bpmn2:dataInputRefs>").append(id).append('_')
                    .append(name).append("</bpmn2:dataInputRefs>\n"));
            xml.append("        </bpmn2:inputSet>\n        <bpmn2:outputSet/>\n      </bpmn2:ioSpecification>\n");
            task.inputs().forEach((name, value) -> {
                if (value.startsWith(VARIABLE)) {
                    xml.append("      <bpmn2:dataInputAssociation>\n")
                            .append("        <bpmn2:sourceRef>").append(value.substring(VARIABLE.length()))
                            .append("</bpmn2:sourceRef>\n")
                            .append("        <bpmn2:targetRef>").append(id).append('_').append(name)
                            .append("</bpmn2:targetRef>\n")
                            .append("      </bpmn2:dataInputAssociation>\n");
                } else {
                    xml.append("      <bpmn2:dataInputAssociation>\n")
                            .append("        <bpmn2:targetRef>").append(id).append('_').append(name)
                            .append("</bpmn2:targetRef>\n")
                            .append("        <bpmn2:assignment>\n")
                            .append("          <bpmn2:from xsi:type=\"bpmn2:tFormalExpression\">").append(value)
                            .append("</bpmn2:from>\n")
                            .append("          <bpmn2:to xsi:type=\"bpmn2:tFormalExpression\">").append(id)
                            .append('_').append(name).append("</bpmn2:to>\n")
                            .append("        </bpmn2:assignment>\n      </bpmn2:dataInputAssociation>\n");
                }
            });
            xml.append("    </bpmn2:task>\n");
        }
        xml.append("    <bpmn2:endEvent id=\"end\"><bpmn2:incoming>f").append(tasks.size())
                .append("</bpmn2:incoming></bpmn2:endEvent>\n");
        for (int i = 0; i <= tasks.size(); i++) {
            String source = i == 0 ? "start" : "task" + (i - 1);
            String target = i == tasks.size() ? "end" : "task" + i;
            xml.append("    <bpmn2:sequenceFlow id=\"f").append(i).append("\" sourceRef=\"").append(source)
                    .append("\" targetRef=\"").append(target).append("\"/>\n");
        }
        xml.append("  </bpmn2:process>\n</bpmn2:definitions>\n");
        return xml.toString();
    }

    private static String name(String variable) {
        return variable.contains(":") ? variable.substring(0, variable.indexOf(':')) : variable;
    }

    private static String type(String variable) {
        return variable.contains(":") ? variable.substring(variable.indexOf(':') + 1) : "String";
    }
}
