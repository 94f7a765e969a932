package dev.segments.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small BPMN2 processes for tests: a signal start, service tasks in a row, an end. */
final class Bpmn {

    record Task(String name, Map<String, String> inputs) {
    }

    private Bpmn() {
    }

    static Task task(String name, String... inputPairs) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int i = 0; i < inputPairs.length; i += 2) {
            inputs.put(inputPairs[i], inputPairs[i + 1]);
        }
        return new Task(name, inputs);
    }

    static WorkflowFile file(String processId, String signal, Task... tasks) {
        return new WorkflowFile("workflows/" + processId + ".bpmn", process(processId, signal, List.of(tasks)));
    }

    static String process(String processId, String signal, List<Task> tasks) {
        StringBuilder xml = new StringBuilder();
        xml.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:drools="http://www.jboss.org/drools" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="defs" targetNamespace="http://www.jboss.org/drools">
                """);
        xml.append("  <bpmn2:signal id=\"trigger\" name=\"").append(signal).append("\"/>\n");
        xml.append("  <bpmn2:process id=\"").append(processId).append("\" name=\"").append(processId)
                .append("\" isExecutable=\"true\" processType=\"Private\">\n");
        xml.append("""
                    <bpmn2:startEvent id="start">
                      <bpmn2:outgoing>f0</bpmn2:outgoing>
                      <bpmn2:signalEventDefinition signalRef="trigger"/>
                    </bpmn2:startEvent>
                """);
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            String id = "task" + i;
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
            task.inputs().forEach((name, value) -> xml.append("      <bpmn2:dataInputAssociation>\n")
                    .append("        <bpmn2:targetRef>").append(id).append('_').append(name).append("</bpmn2:targetRef>\n")
                    .append("        <bpmn2:assignment>\n")
                    .append("          <bpmn2:from xsi:type=\"bpmn2:tFormalExpression\">").append(value)
                    .append("</bpmn2:from>\n")
                    .append("          <bpmn2:to xsi:type=\"bpmn2:tFormalExpression\">").append(id).append('_')
                    .append(name).append("</bpmn2:to>\n")
                    .append("        </bpmn2:assignment>\n      </bpmn2:dataInputAssociation>\n"));
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
}
