package dev.harness.traffic;

import java.time.Duration;

/** A shape of offered load over time. Closed set: constant, linear ramp, stairs. */
public sealed interface Phase permits ConstantPhase, RampPhase, StairsPhase {
  String name();

  /** Total length of the phase. */
  Duration duration();

  Arrival arrival();

  /** Highest rate this phase offers, requests per second. */
  double peakRatePerSec();
}
