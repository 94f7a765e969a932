package dev.segments.bench.workload;

import java.util.List;
import java.util.Random;

/**
 * Where contacts live: mostly the US (85%), states weighted by population (CA, TX, FL, NY largest), a few cities each;
 * the rest from Canada, the UK, Australia, Germany, Mexico and India.
 */
final class Places {

    /** A state (or region) with its cities, time zone and first zip digit. */
    private record Region(String country, String state, String timezone, String zipPrefix, List<String> cities) {
    }

    private static final String NEW_YORK = "America/New_York";
    private static final String CHICAGO = "America/Chicago";
    private static final String LOS_ANGELES = "America/Los_Angeles";
    private static final String DENVER = "America/Denver";

    private final Weighted<Region> us = new Weighted<Region>()
            .add(new Region("US", "CA", LOS_ANGELES, "9", List.of("Los Angeles", "San Diego", "San Jose",
                    "San Francisco", "Sacramento", "Fresno")), 39)
            .add(new Region("US", "TX", CHICAGO, "7", List.of("Houston", "Dallas", "Austin", "San Antonio",
                    "Fort Worth", "El Paso")), 30)
            .add(new Region("US", "FL", NEW_YORK, "3", List.of("Miami", "Orlando", "Tampa", "Jacksonville")), 22)
            .add(new Region("US", "NY", NEW_YORK, "1", List.of("New York", "Buffalo", "Rochester", "Albany")), 20)
            .add(new Region("US", "PA", NEW_YORK, "1", List.of("Philadelphia", "Pittsburgh")), 13)
            .add(new Region("US", "IL", CHICAGO, "6", List.of("Chicago", "Springfield")), 12.5)
            .add(new Region("US", "OH", NEW_YORK, "4", List.of("Columbus", "Cleveland", "Cincinnati")), 11.8)
            .add(new Region("US", "GA", NEW_YORK, "3", List.of("Atlanta", "Savannah")), 11)
            .add(new Region("US", "NC", NEW_YORK, "2", List.of("Charlotte", "Raleigh")), 10.8)
            .add(new Region("US", "MI", "America/Detroit", "4", List.of("Detroit", "Grand Rapids")), 10)
            .add(new Region("US", "NJ", NEW_YORK, "0", List.of("Newark", "Jersey City")), 9.3)
            .add(new Region("US", "VA", NEW_YORK, "2", List.of("Virginia Beach", "Richmond")), 8.7)
            .add(new Region("US", "WA", LOS_ANGELES, "9", List.of("Seattle", "Spokane")), 7.8)
            .add(new Region("US", "AZ", "America/Phoenix", "8", List.of("Phoenix", "Tucson")), 7.4)
            .add(new Region("US", "MA", NEW_YORK, "0", List.of("Boston", "Worcester")), 7)
            .add(new Region("US", "TN", CHICAGO, "3", List.of("Nashville", "Memphis")), 7)
            .add(new Region("US", "CO", DENVER, "8", List.of("Denver", "Colorado Springs")), 5.9)
            .add(new Region("US", "MN", CHICAGO, "5", List.of("Minneapolis", "Saint Paul")), 5.7)
            .add(new Region("US", "OR", LOS_ANGELES, "9", List.of("Portland", "Eugene")), 4.2)
            .add(new Region("US", "UT", DENVER, "8", List.of("Salt Lake City")), 3.4)
            .add(new Region("US", "NV", LOS_ANGELES, "8", List.of("Las Vegas", "Reno")), 3.2);
    private final Weighted<Region> abroad = new Weighted<Region>()
            .add(new Region("CA", "ON", "America/Toronto", "", List.of("Toronto", "Ottawa")), 2.5)
            .add(new Region("CA", "BC", "America/Vancouver", "", List.of("Vancouver")), 1.5)
            .add(new Region("GB", null, "Europe/London", "", List.of("London", "Manchester", "Leeds")), 4)
            .add(new Region("AU", "NSW", "Australia/Sydney", "", List.of("Sydney")), 2)
            .add(new Region("DE", null, "Europe/Berlin", "", List.of("Berlin", "Munich", "Hamburg")), 2)
            .add(new Region("MX", "CDMX", "America/Mexico_City", "", List.of("Mexico City")), 2)
            .add(new Region("IN", "KA", "Asia/Kolkata", "", List.of("Bengaluru")), 1);

    Place pick(Random random) {
        Region r = random.nextDouble() < 0.85 ? us.pick(random) : abroad.pick(random);
        String city = r.cities().get(random.nextInt(r.cities().size()));
        String postal = r.country().equals("US") ? r.zipPrefix() + String.format("%04d", random.nextInt(10_000))
                : random.nextInt(4) == 0 ? null : String.valueOf(10_000 + random.nextInt(90_000));
        return new Place(city, r.state(), r.country(), postal, r.timezone());
    }

    /** US state codes, most populous first. */
    List<String> states() {
        return us.values().stream().map(Region::state).toList();
    }

    List<String> cities() {
        return us.values().stream().flatMap(r -> r.cities().stream()).toList();
    }
}
