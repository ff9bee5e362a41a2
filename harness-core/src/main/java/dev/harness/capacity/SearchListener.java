package dev.harness.capacity;

/** Hears the search step by step (the CLI prints it; nothing in core prints). */
public interface SearchListener {
  /** A step is about to run. */
  default void stepStarting(int index, StepPlan plan) {}

  /** A step finished and was judged. */
  default void stepFinished(int index, StepReport report, Bracket bracket) {}

  /** Something worth a line between steps (e.g. waiting for late CloudWatch data). */
  default void note(String message) {}

  SearchListener NONE = new SearchListener() {};
}
