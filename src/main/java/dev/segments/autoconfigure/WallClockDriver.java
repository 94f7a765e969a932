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
        Duration sleep;
        try {
            sleep = advance();
        } catch (RuntimeException e) {
            log.error("advancing the segments clock failed; retrying in a second", e);
            sleep = LONGEST_SLEEP;
        }
        executor.schedule(this::tick, sleep.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Advances the engine to the wall clock (each change is stamped with its own instant, not the moment of waking)
     * and says how long to sleep: until the next due change, at least a millisecond, at most a second.
     */
    Duration advance() {
        Instant now = clock.instant();
        if (now.isAfter(engine.now())) {
            engine.advanceTo(now);
        }
        long millis = engine.nextTimeChange()
                .map(next -> Math.max(1, Duration.between(clock.instant(), next).toMillis()))
                .map(wait -> Math.min(wait, LONGEST_SLEEP.toMillis()))
                .orElse(LONGEST_SLEEP.toMillis());
        return Duration.ofMillis(millis);
    }
}
