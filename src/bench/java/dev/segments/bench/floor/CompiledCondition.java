package dev.segments.bench.floor;

/** A compiled condition: whether it holds for the contact of one evaluation. */
@FunctionalInterface
interface CompiledCondition {

    boolean test(Evaluation e);
}
