package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.drl.PropertyParts;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Every part name {@link PropertyParts} can give is a property of {@link Contact} that holds the whole collection. */
class ContactPropertyPartsTest {

    private final Contact contact = contact();

    @Test
    void everyTagPartIsTheWholeTagSet() throws Exception {
        assertParts(PropertyParts.TAG_PARTS, i -> "getTagsPart" + i, contact.getTags());
        assertThat(PropertyParts.tags("vip")).matches("tagsPart([0-9]|1[0-5])");
    }

    @Test
    void everyTimeFlagPartIsTheWholeFlagSet() throws Exception {
        assertParts(PropertyParts.TIME_FLAG_PARTS, i -> "getTimeFlagsPart" + i, contact.getTimeFlags());
        assertThat(PropertyParts.timeFlags("lastEmailOpenedAt withinLast P7D")).matches("timeFlagsPart[0-7]");
    }

    @Test
    void everyActivityCountPartIsTheWholeCountMap() throws Exception {
        assertParts(PropertyParts.ACTIVITY_COUNT_PARTS, i -> "getActivityCountsPart" + i, contact.getActivityCounts());
        assertThat(PropertyParts.activityCounts("email.opened within P30D")).matches("activityCountsPart[0-7]");
    }

    @Test
    void aContactHasNoMorePartsThanTheConstantsSay() {
        assertThat(Contact.class.getMethods()).extracting(java.lang.reflect.Method::getName)
                .noneMatch(n -> n.equals("getTagsPart" + PropertyParts.TAG_PARTS)
                        || n.equals("getTimeFlagsPart" + PropertyParts.TIME_FLAG_PARTS)
                        || n.equals("getActivityCountsPart" + PropertyParts.ACTIVITY_COUNT_PARTS));
    }

    @Test
    void theContactKeepsItsPropertiesWithinOneDroolsBitMask() {
        // Drools keeps a property-reactive mask in one long while a class has at most 63 properties (bit 0 is its own).
        assertThat(java.util.Arrays.stream(Contact.class.getMethods())
                .filter(m -> m.getDeclaringClass() == Contact.class && m.getParameterCount() == 0)
                .filter(m -> m.getName().startsWith("get") || m.getName().startsWith("is"))).hasSizeLessThanOrEqualTo(63);
    }

    private void assertParts(int parts, IntFunction<String> getter, Object whole) throws Exception {
        for (int i = 0; i < parts; i++) {
            assertThat(Contact.class.getMethod(getter.apply(i)).invoke(contact)).as(getter.apply(i)).isSameAs(whole);
        }
    }

    private static Contact contact() {
        ContactData data = ContactData.builder("c-1").addTag("VIP").build();
        return new Contact(0, data, NormalizedContact.of(data, ZoneOffset.UTC), Set.of("lastEmailOpenedAt withinLast P7D"),
                Map.of("email.opened within P30D", 2));
    }
}
