package dev.segments.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionTest {

    @Test
    void nodesAreThisNodeThenEveryNodeUnderItDepthFirstInTheOrderWritten() {
        Condition.MemberOf vip = new Condition.MemberOf("vip", Location.unknown("test"));
        Condition.MemberOf texans = new Condition.MemberOf("texans", Location.unknown("test"));
        Condition.Activity opened = new Condition.Activity(EmailEventType.OPENED, Duration.ofDays(7),
                CountComparison.AT_LEAST_ONE, Optional.empty());
        Condition.Not notTexans = new Condition.Not(texans);
        Condition.Any any = new Condition.Any(List.of(vip, notTexans));
        Condition.All root = new Condition.All(List.of(any, opened, new Condition.All(List.of())));

        assertThat(root.nodes()).containsExactly(root, any, vip, notTexans, texans, opened,
                new Condition.All(List.of()));
        assertThat(vip.nodes()).containsExactly(vip);
    }
}
