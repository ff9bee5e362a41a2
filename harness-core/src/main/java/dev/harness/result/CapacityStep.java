package dev.harness.result;

import java.util.List;
import java.util.Map;

/**
 * One step of a capacity search: a point of the capacity curve.
 *
 * @param index position in the search
 * @param kind saturation, trial, final or ladder
 * @param purpose why the strategy chose it
 * @param offeredRps the open-loop rate (null for a saturation step)
 * @param concurrency requests in flight of a saturation step (0 for open loop)
 * @param resultStep index of the measured window in results.json {@code steps}
 * @param warmupStep index of its warm-up in {@code steps}, or null
 * @param measuredSeconds length of the measured window (it ends early once the verdict is
 *     conclusive, at the earliest after the minimum)
 * @param scheduled requests in the cohort
 * @param achievedRps cohort successes per second of window
 * @param goodputRps cohort requests meeting every objective per second of window
 * @param outputTokensPerSec output tokens of successes per second of window
 * @param verdict pass, fail, inconclusive or invalid
 * @param reason the first breach, the instability, the generator fault, or "all met"
 * @param stable the windows agree and nothing queues up
 * @param stability why (or why not)
 * @param exceedance worst objective's share over threshold ÷ allowed share (1 = at the limit)
 * @param checks every objective judged, with n, bounds and method
 * @param percentileIntervals per metric and percentile, the distribution-free confidence interval
 *     [low, high] in ms of the cohort's percentile
 * @param serverMetrics what the server reported over the window (metrics source), as
 *     {@code <metric>.mean|max|last|n}, e.g. {@code requests_waiting.max}; empty without a source
 */
public record CapacityStep(
    int index,
    String kind,
    String purpose,
    Double offeredRps,
    int concurrency,
    int resultStep,
    Integer warmupStep,
    double measuredSeconds,
    long scheduled,
    double achievedRps,
    double goodputRps,
    double outputTokensPerSec,
    String verdict,
    String reason,
    boolean stable,
    String stability,
    Double exceedance,
    List<CheckResult> checks,
    Map<String, Map<String, List<Double>>> percentileIntervals,
    Map<String, Double> serverMetrics) {
  public CapacityStep {
    checks = List.copyOf(checks);
    percentileIntervals = Map.copyOf(percentileIntervals);
    serverMetrics = serverMetrics == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(serverMetrics));
  }

  /** This step with more server metrics (e.g. CloudWatch's, read after the run). */
  public CapacityStep withServerMetrics(Map<String, Double> more) {
    Map<String, Double> all = new java.util.TreeMap<>(serverMetrics);
    all.putAll(more);
    return new CapacityStep(index, kind, purpose, offeredRps, concurrency, resultStep, warmupStep,
        measuredSeconds, scheduled, achievedRps, goodputRps, outputTokensPerSec, verdict, reason,
        stable, stability, exceedance, checks, percentileIntervals, all);
  }
}
