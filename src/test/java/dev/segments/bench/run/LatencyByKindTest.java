package dev.segments.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyByKindTest {

    @Test
    void slowChangesAreCountedInTheQuarterOfTheStreamWhereTheyFell() {
        LatencyByKind byKind = new LatencyByKind(8);
        long slow = LatencyByKind.SLOW_NANOS + 1;
        byKind.record("tag added", slow);
        byKind.record("tag added", 10_000);
        byKind.record("email opened", 10_000);
        byKind.record("email opened", 10_000);
        byKind.record("tag added", LatencyByKind.SLOW_NANOS);
        byKind.record("tag added", 10_000);
        byKind.record("email opened", slow);
        byKind.record("tag added", slow);

        assertThat(byKind.slowByStretch("tag added")).containsExactly(1, 0, 0, 1);
        assertThat(byKind.slowByStretch("email opened")).containsExactly(0, 0, 0, 1);
        assertThat(byKind.slowByStretch("field changed")).containsExactly(0, 0, 0, 0);
        assertThat(byKind.histograms().get("tag added").getTotalCount()).isEqualTo(5);
        assertThat(byKind.histograms().get("email opened").getTotalCount()).isEqualTo(3);
    }
}
