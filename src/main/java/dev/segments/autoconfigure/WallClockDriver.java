package dev.segments.autoconfigure;

import dev.segments.engine.Segments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the engine's clock from the wall clock: it wakes at the engine's next time-driven change (at least once a
 * second) and advances the engine to now. Changes are stamped with their exact instants whenever it wakes.
 */
public class WallClockDriver extends BackgroundLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WallClockDriver.class);
    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(1);

    private final Segments engine;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public WallClockDriver(Segments engine, Clock clock) {
        super("segments-clock");
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    protected void begin(ScheduledExecutorService executor) {
        this.executor = executor;
        executor.execute(this::tick);
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            if (now.isAfter(engine.now())) {
                engine.advanceTo(now);
            }
            long sleep = engine.nextTimeChange()
                    .map(next -> Math.max(1, Duration.between(clock.instant(), next).toMillis()))
                    .map(millis -> Math.min(millis, LONGEST_SLEEP.toMillis()))
                    .orElse(LONGEST_SLEEP.toMillis());
            executor.schedule(this::tick, sleep, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            log.error("advancing the segments clock failed; retrying in a second", e);
            executor.schedule(this::tick, LONGEST_SLEEP.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
