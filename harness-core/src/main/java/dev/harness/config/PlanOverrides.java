package dev.harness.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Values given on the command line ({@code --url --rate --duration --seed --out}) that replace the
 * plan's own. Null components leave the plan as written.
 *
 * <p>{@code ratePerSec} and/or {@code duration} replace all phases by one constant phase named
 * {@value Defaults#OVERRIDE_PHASE_NAME}: its rate is the override or else the plan's peak rate, its
 * duration the override or else the plan's total duration, its arrival that of the plan's first
 * phase. Overrides are applied before computed defaults (in-flight cap, max duration).
 *
 * @param url replaces {@code target.url}; the protocol's default path is filled in as for the plan
 * @param ratePerSec offered rate of the single replacement phase, requests per second
 * @param duration length of the single replacement phase
 * @param seed replaces {@code seed}
 * @param outputDir replaces {@code output}
 */
public record PlanOverrides(
    URI url, Double ratePerSec, Duration duration, Long seed, Path outputDir) {
  public PlanOverrides {
    if (ratePerSec != null && (!(ratePerSec > 0) || ratePerSec.isInfinite())) {
      throw new IllegalArgumentException("--rate must be > 0 requests/s, got " + ratePerSec);
    }
    if (duration != null && (duration.isZero() || duration.isNegative())) {
      throw new IllegalArgumentException("--duration must be positive, got " + duration);
    }
  }

  /** No overrides: the plan as written. */
  public static PlanOverrides none() {
    return new PlanOverrides(null, null, null, null, null);
  }

  /** Whether the phases are replaced by one constant phase. */
  public boolean replacesPhases() {
    return ratePerSec != null || duration != null;
  }
}
