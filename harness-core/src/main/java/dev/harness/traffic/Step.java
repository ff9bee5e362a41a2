package dev.harness.traffic;

/**
 * One recorded window of the schedule: a whole constant or ramp phase, or one stair of a stairs
 * phase. A request belongs to the step whose window holds its intended time.
 *
 * @param index position in the schedule, 0-based
 * @param name unique display name, e.g. "steady" or "climb#3"
 * @param phaseName the phase it came from
 * @param startOffsetNanos window start, from the schedule's origin (inclusive)
 * @param endOffsetNanos window end (exclusive)
 * @param startRatePerSec offered rate at the window start
 * @param endRatePerSec offered rate at the window end (differs from start only for ramps)
 */
public record Step(
    int index,
    String name,
    String phaseName,
    long startOffsetNanos,
    long endOffsetNanos,
    double startRatePerSec,
    double endRatePerSec) {

  public long durationNanos() {
    return endOffsetNanos - startOffsetNanos;
  }

  /** Mean offered rate over the window. */
  public double meanRatePerSec() {
    return (startRatePerSec + endRatePerSec) / 2;
  }

  public boolean isRamp() {
    return startRatePerSec != endRatePerSec;
  }

  /** Expected number of requests in the window (the integral of the rate). */
  public double expectedRequests() {
    return meanRatePerSec() * durationNanos() / 1e9;
  }
}
