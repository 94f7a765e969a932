package dev.segments.contact.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContactJsonTest {

    /** The contact of SPEC 2. */
    static final String SPEC_EXAMPLE = """
            {"id": "c-1001", "email": "ann@example.com", "firstName": "Ann", "lastName": "Lee", "phone": "+15125550100",
             "companyName": "Acme", "city": "Austin", "state": "TX", "country": "US", "postalCode": "78701",
             "timezone": "America/Chicago", "source": "webinar", "createdAt": "2026-01-05T10:00:00Z",
             "dateOfBirth": "1990-04-02", "tags": ["Active Client", "vip"], "dnd": false, "emailStatus": "subscribed",
             "lastEmailSentAt": "2026-11-20T09:00:00Z", "lastEmailOpenedAt": "2026-11-21T08:00:00Z",
             "lastEmailClickedAt": null, "custom": {"plan": "gold", "seats": 12, "trial": false, "renewalDate": "2027-01-31"}}
            """;

    @Test
    void readsEveryFieldOfTheSpecExample() {
        ContactData c = ContactJson.parse(SPEC_EXAMPLE);

        assertThat(c.id()).isEqualTo("c-1001");
        assertThat(c.email()).isEqualTo("ann@example.com");
        assertThat(c.firstName()).isEqualTo("Ann");
        assertThat(c.lastName()).isEqualTo("Lee");
        assertThat(c.phone()).isEqualTo("+15125550100");
        assertThat(c.companyName()).isEqualTo("Acme");
        assertThat(c.city()).isEqualTo("Austin");
        assertThat(c.state()).isEqualTo("TX");
        assertThat(c.country()).isEqualTo("US");
        assertThat(c.postalCode()).isEqualTo("78701");
        assertThat(c.timezone()).isEqualTo("America/Chicago");
        assertThat(c.source()).isEqualTo("webinar");
        assertThat(c.createdAt()).isEqualTo(instant("2026-01-05T10:00:00Z"));
        assertThat(c.dateOfBirth()).isEqualTo(new TimePoint.OnDate(LocalDate.of(1990, 4, 2)));
        assertThat(c.tags()).containsExactly("Active Client", "vip");
        assertThat(c.dnd()).isFalse();
        assertThat(c.emailStatus()).isEqualTo(EmailStatus.SUBSCRIBED);
        assertThat(c.lastEmailSentAt()).isEqualTo(instant("2026-11-20T09:00:00Z"));
        assertThat(c.lastEmailOpenedAt()).isEqualTo(instant("2026-11-21T08:00:00Z"));
        assertThat(c.lastEmailClickedAt()).isNull();
        assertThat(c.custom()).containsExactly(
                Map.entry("plan", new CustomValue.Text("gold")),
                Map.entry("seats", new CustomValue.Number(new BigDecimal("12"))),
                Map.entry("trial", new CustomValue.Bool(false)),
                Map.entry("renewalDate", new CustomValue.Text("2027-01-31")));
    }

    @Test
    void treatsNullLikeAnAbsentField() {
        ContactData withNulls = ContactJson.parse("""
                {"id": "c-1", "email": null, "createdAt": null, "tags": null, "dnd": null, "emailStatus": null,
                 "custom": {"plan": null}}
                """);

        assertThat(withNulls).isEqualTo(ContactData.of("c-1"));
        assertThat(ContactJson.parse("{\"id\": \"c-1\", \"custom\": null}")).isEqualTo(ContactData.of("c-1"));
    }

    @Test
    void givesAbsentFieldsTheirDefaults() {
        ContactData c = ContactJson.parse("{\"id\": \"c-1\"}");

        assertThat(c.dnd()).isFalse();
        assertThat(c.emailStatus()).isEqualTo(EmailStatus.SUBSCRIBED);
        assertThat(c.tags()).isEmpty();
        assertThat(c.custom()).isEmpty();
        assertThat(c.email()).isNull();
    }

    @Test
    void readsInstantsWithAnyOffsetAndKeepsMilliseconds() {
        ContactData c = ContactJson.parse("""
                {"id": "c-1", "createdAt": "2026-01-05T12:00:00+02:00", "lastEmailSentAt": "2026-01-05T10:00:00.123456789Z",
                 "lastEmailOpenedAt": "2026-01-05", "dateOfBirth": "1990-04-02T00:00:00Z"}
                """);

        assertThat(c.createdAt()).isEqualTo(instant("2026-01-05T10:00:00Z"));
        assertThat(c.lastEmailSentAt()).isEqualTo(instant("2026-01-05T10:00:00.123Z"));
        assertThat(c.lastEmailOpenedAt()).isEqualTo(new TimePoint.OnDate(LocalDate.of(2026, 1, 5)));
        assertThat(c.dateOfBirth()).isEqualTo(instant("1990-04-02T00:00:00Z"));
    }

    @Test
    void keepsTagsAsASet() {
        assertThat(ContactJson.parse("{\"id\": \"c-1\", \"tags\": [\"vip\", \"new\", \"vip\"]}").tags())
                .isEqualTo(Set.of("vip", "new"));
    }

    static Stream<Arguments> badContacts() {
        return Stream.of(
                Arguments.of("{\"email\": \"a@b.c\"}", "field \"id\": required"),
                Arguments.of("{\"id\": \"\"}", "field \"id\": must be 1 to 128 characters, found 0"),
                Arguments.of("{\"id\": \"" + "x".repeat(129) + "\"}", "field \"id\": must be 1 to 128 characters, found 129"),
                Arguments.of("{\"id\": 1001}", "field \"id\": expected a string, found a number 1001"),
                Arguments.of("{\"id\": \"c\", \"frstName\": \"Ann\"}",
                        "unknown field \"frstName\" (did you mean \"firstName\"?); contact fields are: id, email"),
                Arguments.of("{\"id\": \"c\", \"segments\": []}", "unknown field \"segments\"; contact fields are:"),
                Arguments.of("{\"id\": \"c\", \"email\": 3}", "field \"email\": expected a string, found a number 3"),
                Arguments.of("{\"id\": \"c\", \"firstName\": [\"Ann\"]}", "field \"firstName\": expected a string, found an array"),
                Arguments.of("{\"id\": \"c\", \"lastName\": {}}", "field \"lastName\": expected a string, found an object"),
                Arguments.of("{\"id\": \"c\", \"phone\": 15125550100}", "field \"phone\": expected a string, found a number"),
                Arguments.of("{\"id\": \"c\", \"companyName\": true}", "field \"companyName\": expected a string, found a boolean true"),
                Arguments.of("{\"id\": \"c\", \"city\": 1}", "field \"city\": expected a string"),
                Arguments.of("{\"id\": \"c\", \"state\": 1}", "field \"state\": expected a string"),
                Arguments.of("{\"id\": \"c\", \"country\": 1}", "field \"country\": expected a string"),
                Arguments.of("{\"id\": \"c\", \"postalCode\": 78701}", "field \"postalCode\": expected a string, found a number 78701"),
                Arguments.of("{\"id\": \"c\", \"timezone\": 1}", "field \"timezone\": expected a string"),
                Arguments.of("{\"id\": \"c\", \"source\": 1}", "field \"source\": expected a string"),
                Arguments.of("{\"id\": \"c\", \"createdAt\": \"yesterday\"}",
                        "field \"createdAt\": not an ISO-8601 instant or date: \"yesterday\""),
                Arguments.of("{\"id\": \"c\", \"createdAt\": \"+300000000-01-01\"}",
                        "field \"createdAt\": \"+300000000-01-01\" is outside the times the engine keeps"),
                Arguments.of("{\"id\": \"c\", \"lastEmailOpenedAt\": \"-999999999-01-01T00:00:00Z\"}",
                        "field \"lastEmailOpenedAt\": \"-999999999-01-01T00:00:00Z\" is outside the times the engine keeps"
                                + " (years -292,275,055 to 292,278,994)"),
                Arguments.of("{\"id\": \"c\", \"createdAt\": 1767607200000}",
                        "field \"createdAt\": expected a string, found a number 1767607200000"),
                Arguments.of("{\"id\": \"c\", \"createdAt\": \"2026-01-05T10:00:00\"}",
                        "field \"createdAt\": not an ISO-8601 instant or date: \"2026-01-05T10:00:00\" (an instant needs an offset"),
                Arguments.of("{\"id\": \"c\", \"dateOfBirth\": \"1990-02-30\"}",
                        "field \"dateOfBirth\": not an ISO-8601 instant or date: \"1990-02-30\""),
                Arguments.of("{\"id\": \"c\", \"dateOfBirth\": \"02/04/1990\"}",
                        "field \"dateOfBirth\": not an ISO-8601 instant or date"),
                Arguments.of("{\"id\": \"c\", \"lastEmailSentAt\": \"soon\"}", "field \"lastEmailSentAt\": not an ISO-8601"),
                Arguments.of("{\"id\": \"c\", \"lastEmailOpenedAt\": false}", "field \"lastEmailOpenedAt\": expected a string"),
                Arguments.of("{\"id\": \"c\", \"lastEmailClickedAt\": \"\"}", "field \"lastEmailClickedAt\": not an ISO-8601"),
                Arguments.of("{\"id\": \"c\", \"tags\": \"vip\"}", "field \"tags\": expected an array of strings, found a string \"vip\""),
                Arguments.of("{\"id\": \"c\", \"tags\": [\"vip\", 7]}",
                        "field \"tags\": expected an array of strings, found a number 7 at index 1"),
                Arguments.of("{\"id\": \"c\", \"tags\": [null]}", "field \"tags\": expected an array of strings, found null at index 0"),
                Arguments.of("{\"id\": \"c\", \"dnd\": \"false\"}", "field \"dnd\": expected true or false, found a string \"false\""),
                Arguments.of("{\"id\": \"c\", \"dnd\": 0}", "field \"dnd\": expected true or false, found a number 0"),
                Arguments.of("{\"id\": \"c\", \"emailStatus\": \"unsubscrbed\"}",
                        "field \"emailStatus\": expected one of subscribed, unsubscribed, bounced, found \"unsubscrbed\" (did you mean \"unsubscribed\"?)"),
                Arguments.of("{\"id\": \"c\", \"emailStatus\": \"Subscribed\"}", "field \"emailStatus\": expected one of"),
                Arguments.of("{\"id\": \"c\", \"emailStatus\": true}", "field \"emailStatus\": expected a string"),
                Arguments.of("{\"id\": \"c\", \"custom\": [\"gold\"]}", "field \"custom\": expected an object of custom fields, found an array"),
                Arguments.of("{\"id\": \"c\", \"custom\": {\"plan\": [\"gold\"]}}",
                        "field \"custom.plan\": expected a string, number or boolean, found an array"),
                Arguments.of("{\"id\": \"c\", \"custom\": {\"address\": {\"city\": \"Austin\"}}}",
                        "field \"custom.address\": expected a string, number or boolean, found an object"),
                Arguments.of("{\"id\": \"c\", \"custom\": {\"\": 1}}", "field \"custom\": a custom field needs a name"),
                Arguments.of("[{\"id\": \"c\"}]", "expected a JSON object for a contact, found an array"),
                Arguments.of("{\"id\": \"c\",", "not valid JSON: "),
                Arguments.of("{\"id\": \"c\", \"id\": \"d\"}", "not valid JSON: Duplicate Object property \"id\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badContacts")
    void refusesAContactNamingTheFieldAtFault(String json, String problem) {
        ContactFormatException e = catchThrowableOfType(ContactFormatException.class, () -> ContactJson.parse(json));

        assertThat(e).as("refused: %s", json).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(problem));
    }

    @Test
    void reportsEveryProblemOfAContactTogether() {
        ContactFormatException e = catchThrowableOfType(ContactFormatException.class, () -> ContactJson.parse("""
                {"id": "c-1", "emial": "a@b.c", "createdAt": "yesterday", "tags": "vip", "dnd": "no"}
                """));

        assertThat(e.problems()).containsExactly(
                "unknown field \"emial\" (did you mean \"email\"?); contact fields are: " + String.join(", ", ContactJson.FIELDS),
                "field \"createdAt\": not an ISO-8601 instant or date: \"yesterday\" (write \"2026-01-31\" or \"2026-01-31T09:00:00Z\")",
                "field \"tags\": expected an array of strings, found a string \"vip\"",
                "field \"dnd\": expected true or false, found a string \"no\"");
        assertThat(e.getMessage()).contains("; field \"tags\"");
    }

    @Test
    void roundTripsTheSpecExample() {
        ContactData c = ContactJson.parse(SPEC_EXAMPLE);

        assertThat(ContactJson.parse(ContactJson.toJsonString(c))).isEqualTo(c);
        assertThat(ContactJson.parse(ContactJson.toJson(c))).isEqualTo(c);
    }

    @Test
    void writesTheSpecShapeLeavingOutAbsentFields() {
        ContactData c = ContactData.builder("c-7")
                .email("bo@example.com")
                .createdAt(instant("2026-01-05T10:00:00.120Z"))
                .dateOfBirth(new TimePoint.OnDate(LocalDate.of(1990, 4, 2)))
                .tags(Set.of("vip"))
                .emailStatus(EmailStatus.BOUNCED)
                .custom("seats", new CustomValue.Number(new BigDecimal("12.50")))
                .custom("trial", new CustomValue.Bool(true))
                .custom("plan", new CustomValue.Text("gold"))
                .build();

        assertThat(ContactJson.toJsonString(c)).isEqualTo("{\"id\":\"c-7\",\"email\":\"bo@example.com\","
                + "\"createdAt\":\"2026-01-05T10:00:00.120Z\",\"dateOfBirth\":\"1990-04-02\",\"tags\":[\"vip\"],"
                + "\"dnd\":false,\"emailStatus\":\"bounced\","
                + "\"custom\":{\"seats\":12.50,\"trial\":true,\"plan\":\"gold\"}}");
        assertThat(ContactJson.parse(ContactJson.toJsonString(c))).isEqualTo(c);
    }

    @Test
    void writesAContactWithOnlyAnIdWithItsDefaults() {
        assertThat(ContactJson.toJsonString(ContactData.of("c-1")))
                .isEqualTo("{\"id\":\"c-1\",\"dnd\":false,\"emailStatus\":\"subscribed\"}");
    }

    @Test
    void readsFromAJsonNodeAsFromText() {
        var node = JsonFields.MAPPER.readTree("{\"id\": \"c-1\", \"tags\": [\"a\"]}");

        assertThat(ContactJson.parse(node)).isEqualTo(ContactData.builder("c-1").addTag("a").build());
    }

    private static TimePoint instant(String text) {
        return new TimePoint.AtInstant(Instant.parse(text));
    }

}
