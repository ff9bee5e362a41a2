package dev.harness.traffic;

import java.time.Duration;

/**
 * {@code steps} constant steps of {@code stepDuration} each, rates evenly spaced from {@code
 * fromRatePerSec} to {@code toRatePerSec} inclusive. Each stair is recorded as its own step.
 */
public record StairsPhase(
    String name,
    double fromRatePerSec,
    double toRatePerSec,
    int steps,
    Duration stepDuration,
    Arrival arrival)
    implements Phase {
  public StairsPhase {
    Phases.requireName(name);
    Phases.requireRate("from", fromRatePerSec);
    Phases.requireRate("to", toRatePerSec);
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    Phases.requireDuration("step-duration", stepDuration);
    Phases.requireArrival(arrival);
  }

  /** Rate of stair {@code i} (0-based). */
  public double rateOfStep(int i) {
    if (steps == 1) {
      return fromRatePerSec;
    }
    return fromRatePerSec + (toRatePerSec - fromRatePerSec) * i / (steps - 1);
  }

  @Override
  public Duration duration() {
    return stepDuration.multipliedBy(steps);
  }

  @Override
  public double peakRatePerSec() {
    return Math.max(fromRatePerSec, toRatePerSec);
  }
}
