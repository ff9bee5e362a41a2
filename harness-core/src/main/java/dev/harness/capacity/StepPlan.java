package dev.harness.capacity;

import java.time.Duration;

/**
 * The next step a strategy asks for.
 *
 * @param kind what the step is for
 * @param rate offered open-loop rate (requests/s); NaN for a saturation step
 * @param concurrency requests in flight of a saturation step; 0 for open loop
 * @param minDuration shortest measured window
 * @param maxDuration longest measured window (extended up to it while the verdict is
 *     inconclusive)
 * @param purpose one line for the user, e.g. "bisect between 120 and 140 req/s"
 */
public record StepPlan(
    StepKind kind,
    double rate,
    int concurrency,
    Duration minDuration,
    Duration maxDuration,
    String purpose) {
  public StepPlan {
    if (kind == StepKind.SATURATION ? concurrency < 1 : !(rate > 0)) {
      throw new IllegalArgumentException(
          kind == StepKind.SATURATION
              ? "a saturation step needs a concurrency >= 1"
              : "an open-loop step needs a positive rate, got " + rate);
    }
    if (minDuration.compareTo(maxDuration) > 0) {
      throw new IllegalArgumentException("minDuration is longer than maxDuration");
    }
  }

  public boolean openLoop() {
    return kind != StepKind.SATURATION;
  }
}
