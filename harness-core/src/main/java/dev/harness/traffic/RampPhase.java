package dev.harness.traffic;

import java.time.Duration;

/** A rate that changes linearly from {@code fromRatePerSec} to {@code toRatePerSec}. */
public record RampPhase(
    String name, double fromRatePerSec, double toRatePerSec, Duration duration, Arrival arrival)
    implements Phase {
  public RampPhase {
    Phases.requireName(name);
    Phases.requireNonNegativeRate("from", fromRatePerSec);
    Phases.requireNonNegativeRate("to", toRatePerSec);
    if (fromRatePerSec == 0 && toRatePerSec == 0) {
      throw new IllegalArgumentException("a ramp needs a non-zero 'from' or 'to' rate");
    }
    Phases.requireDuration("duration", duration);
    Phases.requireArrival(arrival);
  }

  @Override
  public double peakRatePerSec() {
    return Math.max(fromRatePerSec, toRatePerSec);
  }
}
