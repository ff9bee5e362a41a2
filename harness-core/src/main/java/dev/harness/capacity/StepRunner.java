package dev.harness.capacity;

import java.util.List;

/**
 * Runs one search step against the endpoint and judges it (the engine-backed implementation lives
 * in {@code dev.harness.run}; tests use recorded results).
 */
public interface StepRunner {

  /**
   * Runs {@code plan} as step {@code index}; blocks until its whole cohort has an outcome.
   *
   * @param history the steps before it (e.g. for an LLM warm-up as long as twice the previous
   *     step's p99)
   */
  StepReport run(StepPlan plan, int index, List<StepReport> history) throws InterruptedException;

  /**
   * Set when the last step saw something that must end the whole search (an error storm, a run
   * stopped from outside); null otherwise.
   */
  default String abortReason() {
    return null;
  }
}
