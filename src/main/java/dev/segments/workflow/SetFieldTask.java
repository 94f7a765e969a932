package dev.segments.workflow;

import dev.segments.contact.ContactData;
import dev.segments.contact.io.ContactFormatException;
import dev.segments.contact.io.ContactJson;
import dev.segments.definition.Field;
import java.math.BigDecimal;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code SetField}: sets {@code Field} (a contact field of SPEC 2, or {@code custom.<name>}) to {@code Value}; an
 * absent or empty value clears it. The contact is checked like any incoming contact, so a bad value fails the task
 * with the field named. Text from a BPMN assignment becomes {@code true}/{@code false} for {@code dnd}; custom
 * values keep their Java type (a string stays text, a number variable a number).
 */
final class SetFieldTask implements TaskHandler {

    @Override
    public void execute(TaskCall call) {
        String field = call.requiredText("Field").strip();
        Object value = call.input("Value").orElse(null);
        if (field.equals("id") || field.equals("tags")) {
            throw new IllegalArgumentException("SetField cannot set \"" + field + "\""
                    + (field.equals("tags") ? "; use AddTag and RemoveTag" : ""));
        }
        call.contact().update(contact -> withField(contact, field, value));
    }

    private static ContactData withField(ContactData contact, String field, Object value) {
        ObjectNode json = ContactJson.toJson(contact);
        ObjectNode target = json;
        String name = field;
        if (field.startsWith(Field.Custom.PREFIX)) {
            name = field.substring(Field.Custom.PREFIX.length());
            target = json.has("custom") ? (ObjectNode) json.get("custom") : json.putObject("custom");
        }
        if (value == null || value.toString().isEmpty()) {
            target.remove(name);
        } else if (value instanceof Boolean b) {
            target.put(name, b);
        } else if (value instanceof Number n) {
            target.put(name, new BigDecimal(n.toString()));
        } else if (field.equals("dnd") && (value.equals("true") || value.equals("false"))) {
            target.put(name, Boolean.parseBoolean(value.toString()));
        } else {
            target.put(name, value.toString());
        }
        try {
            return ContactJson.parse(json);
        } catch (ContactFormatException bad) {
            throw new IllegalArgumentException(String.join("; ", bad.problems()), bad); // they name the field
        }
    }
}
