package dev.segments.bench.workload;

/** Where a contact lives; {@code state} is null where the country has none in our data. */
record Place(String city, String state, String country, String postalCode, String timezone) {
}
