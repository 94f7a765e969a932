package dev.segments.contact.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class EmailEventJsonTest {

    @Test
    void readsTheSpecExample() {
        EmailEvent e = EmailEventJson.parse(
                "{\"contactId\": \"c-1001\", \"type\": \"email.opened\", \"at\": \"2026-11-21T08:00:00Z\", \"campaignId\": \"nov-promo\"}");

        assertThat(e).isEqualTo(new EmailEvent("c-1001", EmailEventType.OPENED, Instant.parse("2026-11-21T08:00:00Z"),
                Optional.of("nov-promo"), Optional.empty()));
    }

    @Test
    void readsEveryTypeByItsWireName() {
        for (EmailEventType type : EmailEventType.values()) {
            assertThat(EmailEventJson.parse("{\"contactId\": \"c\", \"type\": \"" + type.wireName()
                    + "\", \"at\": \"2026-11-21T08:00:00Z\"}").type()).isEqualTo(type);
        }
    }

    @Test
    void readsAnOffsetInstantToTheMillisecond() {
        EmailEvent e = EmailEventJson.parse("{\"contactId\": \"c\", \"type\": \"email.clicked\", "
                + "\"at\": \"2026-11-21T10:00:00.98765+02:00\", \"url\": \"https://x.test/a\"}");

        assertThat(e.at()).isEqualTo(Instant.parse("2026-11-21T08:00:00.987Z"));
        assertThat(e.url()).contains("https://x.test/a");
    }

    @Test
    void takesTheTimeFromTheCallerForAReplayLine() {
        JsonNode event = JsonFields.MAPPER.readTree("{\"contactId\": \"c-1\", \"type\": \"email.sent\", \"campaignId\": null}");
        Instant lineAt = Instant.parse("2026-11-21T08:00:00Z");

        assertThat(EmailEventJson.parse(event, lineAt)).isEqualTo(new EmailEvent("c-1", EmailEventType.SENT, lineAt));
    }

    @Test
    void refusesATimeInsideAReplayEvent() {
        JsonNode event = JsonFields.MAPPER.readTree(
                "{\"contactId\": \"c-1\", \"type\": \"email.sent\", \"at\": \"2026-11-21T08:00:00Z\"}");

        ContactFormatException e = catchThrowableOfType(ContactFormatException.class,
                () -> EmailEventJson.parse(event, Instant.parse("2026-11-21T08:00:00Z")));

        assertThat(e.problems()).containsExactly(
                "field \"at\": not allowed inside the event; the event's time is the line's \"at\"");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"email.sent\", \"at\": \"2026-11-21T08:00:00Z\"}"
                    + "| field \"contactId\": required",
            "{\"contactId\": 7, \"type\": \"email.sent\", \"at\": \"2026-11-21T08:00:00Z\"}"
                    + "| field \"contactId\": expected a string, found a number 7",
            "{\"contactId\": \"c\", \"at\": \"2026-11-21T08:00:00Z\"}"
                    + "| field \"type\": required: one of email.sent, email.delivered, email.opened",
            "{\"contactId\": \"c\", \"type\": \"email.open\", \"at\": \"2026-11-21T08:00:00Z\"}"
                    + "| field \"type\": unknown event type \"email.open\" (did you mean \"email.opened\"?)",
            "{\"contactId\": \"c\", \"type\": \"opened\", \"at\": \"2026-11-21T08:00:00Z\"}"
                    + "| (did you mean \"email.opened\"?)",
            "{\"contactId\": \"c\", \"type\": \"email.sent\"}"
                    + "| field \"at\": required: an ISO-8601 instant",
            "{\"contactId\": \"c\", \"type\": \"email.sent\", \"at\": \"2026-11-21\"}"
                    + "| field \"at\": not an ISO-8601 instant with an offset: \"2026-11-21\"",
            "{\"contactId\": \"c\", \"type\": \"email.sent\", \"at\": \"+999999999-12-31T23:59:59Z\"}"
                    + "| field \"at\": \"+999999999-12-31T23:59:59Z\" is outside the times the engine keeps",
            "{\"contactId\": \"c\", \"type\": \"email.sent\", \"at\": 1763712000}"
                    + "| field \"at\": expected a string, found a number",
            "{\"contactId\": \"c\", \"type\": \"email.sent\", \"at\": \"2026-11-21T08:00:00Z\", \"campaignId\": 3}"
                    + "| field \"campaignId\": expected a string, found a number 3",
            "{\"contactId\": \"c\", \"type\": \"email.clicked\", \"at\": \"2026-11-21T08:00:00Z\", \"url\": [\"x\"]}"
                    + "| field \"url\": expected a string, found an array",
            "{\"contactId\": \"c\", \"type\": \"email.sent\", \"at\": \"2026-11-21T08:00:00Z\", \"campaign\": \"x\"}"
                    + "| unknown field \"campaign\" (did you mean \"campaignId\"?); event fields are: contactId, type, at, campaignId, url",
            "[]| expected a JSON object for an email event, found an array"})
    void refusesAnEventNamingTheFieldAtFault(String json, String problem) {
        ContactFormatException e = catchThrowableOfType(ContactFormatException.class, () -> EmailEventJson.parse(json));

        assertThat(e).as("refused: %s", json).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(problem.strip()));
    }

    @Test
    void roundTripsAnEvent() {
        EmailEvent event = new EmailEvent("c-1", EmailEventType.CLICKED, Instant.parse("2026-11-21T08:00:00.5Z"),
                Optional.of("nov"), Optional.of("https://x.test"));

        assertThat(EmailEventJson.toJsonString(event)).isEqualTo("{\"contactId\":\"c-1\",\"type\":\"email.clicked\","
                + "\"at\":\"2026-11-21T08:00:00.500Z\",\"campaignId\":\"nov\",\"url\":\"https://x.test\"}");
        assertThat(EmailEventJson.parse(EmailEventJson.toJsonString(event))).isEqualTo(event);
    }
}
