package dev.harness.capacity;

import dev.harness.config.CapacitySpec;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the next step from the results so far. Implementations are pure functions of the
 * history (no clock, no I/O), so they are tested with recorded step results.
 *
 * <pre>{@code
 * SearchStrategy s = SearchStrategy.of(spec, llm, startRate);
 * Optional<StepPlan> next = s.next(history);   // empty: the search is over
 * Bracket b = s.bracket(history);
 * }</pre>
 */
public interface SearchStrategy {

  /** The next step, or empty when the search is over ({@link #endReason} says why). */
  Optional<StepPlan> next(List<StepReport> history);

  /** Why {@link #next} returned empty, for the results; null while the search goes on. */
  String endReason(List<StepReport> history);

  /** The search's answer so far. */
  default Bracket bracket(List<StepReport> history, double precision) {
    return Bracket.of(history, precision);
  }

  /**
   * The strategy a plan asks for: its fixed ladder, or the bracketing search.
   *
   * @param llm the target is an LLM (saturation step first, coarser default precision)
   * @param startRate first open-loop rate of a non-LLM search
   */
  static SearchStrategy of(CapacitySpec spec, boolean llm, double startRate) {
    return spec.isLadder() ? new LadderSearch(spec) : new BracketSearch(spec, llm, startRate);
  }
}
