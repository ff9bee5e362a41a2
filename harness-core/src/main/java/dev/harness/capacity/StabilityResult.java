package dev.harness.capacity;

/**
 * Whether a step ran in a steady state, as judged by {@link Stability#assess}.
 *
 * @param stable false when latency or a queue kept growing through the step
 * @param reason one line for people, naming the numbers
 * @param windows time windows the latency trend was judged on (0 or 1 when too few completions)
 * @param latencyTrendRatio median e2e of the last window / that of the first; NaN with fewer than 2
 *     windows
 * @param inFlightSlopePerSec least-squares slope of requests in flight, per second; NaN when not
 *     judged
 * @param waitingSlopePerSec least-squares slope of the server's waiting queue, per second; NaN when
 *     not given
 */
public record StabilityResult(
    boolean stable,
    String reason,
    int windows,
    double latencyTrendRatio,
    double inFlightSlopePerSec,
    double waitingSlopePerSec) {

  public StabilityResult {
    if (reason == null) {
      throw new IllegalArgumentException("a stability result needs a reason");
    }
    if (windows < 0) {
      throw new IllegalArgumentException("windows must be ≥ 0, got " + windows);
    }
  }
}
