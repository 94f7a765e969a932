package dev.segments.measure;

import dev.segments.contact.ContactData;
import dev.segments.engine.EngineOptions;
import dev.segments.engine.PartitionedSegments;
import dev.segments.engine.RuleSources;
import dev.segments.engine.RulesDirectory;
import dev.segments.engine.Segments;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.RandomSegments;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Throughput of P partitions written by two client threads (not a test; nothing is asserted). Run like
 * {@link EngineMeasurement}: {@code ... dev.segments.measure.PartitionMeasurement CONTACTS RULES UPDATES PARTITIONS}.
 */
public final class PartitionMeasurement {

    public static void main(String[] args) {
        int contacts = Integer.parseInt(args[0]);
        RuleSources sources = args[1].matches("\\d+")
                ? RuleSources.of(new RandomSegments(new Random(1)).segments(Integer.parseInt(args[1])))
                : RulesDirectory.load(Path.of(args[1]));
        int updates = Integer.parseInt(args[2]);
        int partitions = Integer.parseInt(args[3]);
        RandomContacts random = new RandomContacts(new Random(2));
        List<ContactData> population = random.contacts(contacts);
        List<ContactData> changes = new java.util.ArrayList<>();
        Random pick = new Random(3);
        for (int i = 0; i < updates; i++) {
            changes.add(random.contact(population.get(pick.nextInt(contacts)).id()));
        }
        try (Segments segments = PartitionedSegments.start(sources, EngineOptions.startingAt(RandomContacts.BASE),
                partitions)) {
            double load = timed(() -> inTwoThreads(segments, population));
            double update = timed(() -> inTwoThreads(segments, changes));
            System.out.printf("P=%d: load %.0f contacts/s, updates %.0f/s (two client threads)%n", partitions,
                    contacts / load, updates / update);
        }
    }

    /** Two real threads: the common fork-join pool has a single worker on two cores. */
    private static void inTwoThreads(Segments segments, List<ContactData> contacts) {
        Thread a = new Thread(() -> every(segments, contacts, 0));
        Thread b = new Thread(() -> every(segments, contacts, 1));
        a.start();
        b.start();
        try {
            a.join();
            b.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void every(Segments segments, List<ContactData> contacts, int offset) {
        for (int i = offset; i < contacts.size(); i += 2) {
            segments.upsert(contacts.get(i));
        }
    }

    private static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
