package dev.harness.engine;

import java.util.Set;

/**
 * How one engine run fits into a larger measurement (a capacity search runs the engine once per
 * step, all into one {@code requests.bin} and one {@code latency.hlog}).
 *
 * @param closedLoopConcurrency 0 for open loop (the schedule's intended times); n &gt; 0 for a
 *     closed loop that keeps n requests in flight until the schedule's end, each sent as soon as a
 *     slot frees (its intended time is its dispatch time: used only to measure a saturation
 *     throughput, never latency against an SLO)
 * @param stepIndexBase added to the schedule's step index in every request record, so records of
 *     several engine runs stay distinguishable
 * @param logOriginNanos monotonic time that request-record offsets count from; -1 for this run's
 *     own schedule origin
 * @param warmupSteps schedule step indices whose latencies go to the hlog under a {@code warmup-}
 *     tag instead of the plain metric tags
 */
public record Segment(
    int closedLoopConcurrency, int stepIndexBase, long logOriginNanos, Set<Integer> warmupSteps) {
  public Segment {
    if (closedLoopConcurrency < 0) {
      throw new IllegalArgumentException(
          "closedLoopConcurrency must be >= 0, got " + closedLoopConcurrency);
    }
    if (stepIndexBase < 0) {
      throw new IllegalArgumentException("stepIndexBase must be >= 0, got " + stepIndexBase);
    }
    warmupSteps = Set.copyOf(warmupSteps);
  }

  /** A stand-alone open-loop run: its own origin, step indices as scheduled, no warm-up tags. */
  public static Segment standalone() {
    return new Segment(0, 0, -1, Set.of());
  }

  public boolean closedLoop() {
    return closedLoopConcurrency > 0;
  }
}
