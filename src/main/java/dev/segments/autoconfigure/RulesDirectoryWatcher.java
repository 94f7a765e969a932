package dev.segments.autoconfigure;

import dev.segments.engine.MembershipChange;
import dev.segments.engine.RuleSources;
import dev.segments.engine.Segments;
import dev.segments.validation.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies edits of the rules and workflows directories to the running engine: when a segment, DRL or BPMN file is
 * added, changed or removed, the rules are reloaded in place ({@link Segments#updateRules}). Rules with problems are refused, with
 * every problem logged, and the running rules stay.
 */
public class RulesDirectoryWatcher extends BackgroundLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesDirectoryWatcher.class);

    private final Segments engine;
    private final List<Path> watched;
    private final Duration interval;
    private final Supplier<RuleSources> loader;
    private String fingerprint;

    public RulesDirectoryWatcher(Segments engine, SegmentsProperties properties, Supplier<RuleSources> loader) {
        super("segments-rules-watcher");
        this.engine = engine;
        this.watched = List.of(properties.getRulesDir(), properties.getWorkflowsDir());
        this.interval = properties.getReloadInterval();
        this.loader = loader;
        this.fingerprint = fingerprint();
    }

    /** Reloads the rules if the directory changed since the last look; returns the resulting membership changes. */
    public synchronized List<MembershipChange> reloadIfChanged() {
        String now = fingerprint();
        if (now.equals(fingerprint)) {
            return List.of();
        }
        fingerprint = now;
        try {
            List<MembershipChange> changes = engine.updateRules(loader.get());
            log.info("rules in {} reloaded: {} membership changes", watched, changes.size());
            return changes;
        } catch (InvalidInputException refused) {
            log.error("rules in {} refused; the running rules stay:\n{}", watched, refused.getMessage());
            return List.of();
        }
    }

    private String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path dir : watched) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        digest.update(Files.readAllBytes(file));
                        digest.update((byte) 0);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected boolean enabled() {
        return !interval.isZero() && !interval.isNegative();
    }

    @Override
    protected void begin(ScheduledExecutorService executor) {
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            log.error("watching rules in {} failed", watched, e);
        }
    }
}
