package dev.harness.run;

import dev.harness.capacity.SearchListener;
import dev.harness.config.CandidateSpec;
import dev.harness.cost.CandidateOutcome;
import dev.harness.engine.EngineListener;

/**
 * Hears a recommendation candidate by candidate (the CLI prints "candidate 2 of 5: ..." and each
 * step; nothing in core prints). With {@code parallel: true} the calls come from several threads.
 */
public interface RecommendListener {
  /** Candidate {@code index} (0-based) of {@code count} is about to start. */
  default void candidateStarting(int index, int count, CandidateSpec candidate) {}

  /**
   * Candidate {@code index} is done: {@code outcome} is its result, or null when it was not run
   * ({@code notRunReason} says why).
   */
  default void candidateFinished(int index, int count, CandidateSpec candidate,
      CandidateOutcome outcome, String notRunReason) {}

  /** What hears the capacity search of candidate {@code index}. */
  default SearchListener search(int index, CandidateSpec candidate) {
    return SearchListener.NONE;
  }

  /** What hears the engine's live progress during candidate {@code index}. */
  default EngineListener engine(int index, CandidateSpec candidate) {
    return EngineListener.NONE;
  }

  RecommendListener NONE = new RecommendListener() {};
}
