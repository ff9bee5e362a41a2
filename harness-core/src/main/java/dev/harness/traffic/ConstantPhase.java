package dev.harness.traffic;

import java.time.Duration;

/** A steady rate for a duration. */
public record ConstantPhase(String name, double ratePerSec, Duration duration, Arrival arrival)
    implements Phase {
  public ConstantPhase {
    Phases.requireName(name);
    Phases.requireRate("rate", ratePerSec);
    Phases.requireDuration("duration", duration);
    Phases.requireArrival(arrival);
  }

  @Override
  public double peakRatePerSec() {
    return ratePerSec;
  }
}
