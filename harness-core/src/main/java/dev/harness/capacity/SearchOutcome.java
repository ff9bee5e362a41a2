package dev.harness.capacity;

import java.util.List;

/**
 * How a capacity search ended.
 *
 * @param status the kind of answer (decides the exit code)
 * @param endReason one line: why the search stopped
 * @param steps every step in order
 * @param bracket the answer
 */
public record SearchOutcome(Status status, String endReason, List<StepReport> steps,
    Bracket bracket) {
  public SearchOutcome {
    steps = List.copyOf(steps);
  }

  /** The kind of answer. */
  public enum Status {
    /** A sustainable rate was found (the highest pass), with or without a confirmed fail. */
    FOUND,
    /** Even the lowest rate tried missed the SLO. */
    NONE_PASSED,
    /** The load generator, not the endpoint, was the limit. */
    GENERATOR_LIMITED,
    /** Stopped (time, request budget, error storm, interrupt) before any rate passed. */
    STOPPED
  }
}
