package dev.segments.bench.floor;

import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import java.util.Arrays;

/** One contact's email events, kept compactly for {@code activity} windows. */
final class EventLog {

    private byte[] types = new byte[4];
    private long[] ats = new long[4];
    private String[] campaigns = new String[4];
    private int size;

    void add(EmailEvent event) {
        if (size == types.length) {
            int capacity = size * 2;
            types = Arrays.copyOf(types, capacity);
            ats = Arrays.copyOf(ats, capacity);
            campaigns = Arrays.copyOf(campaigns, capacity);
        }
        types[size] = (byte) event.type().ordinal();
        ats[size] = event.at().toEpochMilli();
        campaigns[size] = event.campaignId().orElse(null);
        size++;
    }

    /** Events of {@code type} (and of that campaign, compared exactly, unless null) with {@code from < at <= to}. */
    long count(EmailEventType type, String campaign, long from, long to) {
        byte wanted = (byte) type.ordinal();
        long count = 0;
        for (int i = 0; i < size; i++) {
            if (types[i] == wanted && from < ats[i] && ats[i] <= to
                    && (campaign == null || campaign.equals(campaigns[i]))) {
                count++;
            }
        }
        return count;
    }
}
