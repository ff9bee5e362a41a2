package dev.harness.result;

import java.util.List;
import java.util.Map;

/**
 * The capacity search of a {@code harness capacity} run (results.json {@code capacity}; null for
 * plain runs). Rates are requests per second; a value that does not exist is null, never NaN.
 *
 * @param strategy "search" or "ladder"
 * @param status found, none-passed, generator-limited or stopped
 * @param endReason why the search ended, in one line
 * @param settings the search settings as run (precision, confidence, durations, bounds)
 * @param idleLatencyMillis median end-to-end latency of single requests before the search
 * @param saturationRps throughput of the closed-loop saturation step (LLM targets), or null
 * @param sustainable the answer: the bracket and the point estimate
 * @param firstFailingStep search index of the step that set the lowest fail, or null
 * @param firstBreach that step's first missed objective, or null
 * @param steps every search step in order: the capacity curve
 */
public record CapacityResult(
    String strategy,
    String status,
    String endReason,
    Map<String, Object> settings,
    Double idleLatencyMillis,
    Double saturationRps,
    Sustainable sustainable,
    Integer firstFailingStep,
    CheckResult firstBreach,
    List<CapacityStep> steps) {
  public CapacityResult {
    settings = Map.copyOf(settings);
    steps = List.copyOf(steps);
  }

  /**
   * The bracket [highest pass, lowest fail] and a point estimate.
   *
   * @param rps the sustainable rate reported: the highest pass
   * @param highestPass highest rate that passed below the lowest fail
   * @param passConfirmed conclusive at full length
   * @param lowestFail lowest rate that failed
   * @param failConfirmed conclusive at full length
   * @param pointEstimate where the isotonic fit of exceedance crosses the limit, in the bracket
   * @param isotonicCrossing the fit's raw crossing
   * @param precision requested relative width
   * @param relativeWidth achieved relative width (lowestFail / highestPass − 1)
   * @param precisionReached relativeWidth ≤ precision
   */
  public record Sustainable(
      Double rps,
      Double highestPass,
      boolean passConfirmed,
      Double lowestFail,
      boolean failConfirmed,
      Double pointEstimate,
      Double isotonicCrossing,
      double precision,
      Double relativeWidth,
      boolean precisionReached) {}
}
