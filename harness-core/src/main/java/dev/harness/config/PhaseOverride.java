package dev.harness.config;

import dev.harness.traffic.ConstantPhase;
import dev.harness.traffic.Phase;
import java.time.Duration;
import java.util.List;

/**
 * {@code --rate} / {@code --duration}: the plan's phases become one constant phase named {@value
 * Defaults#OVERRIDE_PHASE_NAME}. A missing rate is the plan's peak rate, a missing duration its
 * total duration; the arrival process is that of the plan's first phase.
 */
final class PhaseOverride {
  private PhaseOverride() {}

  static List<Phase> apply(List<Phase> phases, PlanOverrides overrides) {
    if (!overrides.replacesPhases()) {
      return phases;
    }
    double rate = overrides.ratePerSec() != null
        ? overrides.ratePerSec()
        : phases.stream().mapToDouble(Phase::peakRatePerSec).max().orElseThrow();
    Duration duration = overrides.duration() != null
        ? overrides.duration()
        : phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    return List.of(
        new ConstantPhase(Defaults.OVERRIDE_PHASE_NAME, rate, duration, phases.get(0).arrival()));
  }
}
