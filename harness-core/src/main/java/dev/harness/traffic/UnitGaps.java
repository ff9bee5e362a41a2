package dev.harness.traffic;

import java.util.SplittableRandom;

/**
 * Gaps of a unit-rate point process: mean 1, in units of offered load ("expected requests").
 * A schedule turns them into times by dividing by the rate (more exactly, by inverting the
 * cumulative offered load), so one unit sequence serves every rate.
 *
 * <p>Not thread-safe; each arrival iterator owns its own.
 */
interface UnitGaps {

  /** The next gap, in units; the first call returns the distance from the phase start. */
  double nextGap();

  /**
   * Gaps for {@code arrival}, drawn from {@code random}.
   *
   * <ul>
   *   <li>uniform (and gamma with cv 0): 0.5, then 1, 1, ... so send {@code i} (0-based) of a
   *       constant phase at rate r falls at {@code (i + 0.5) / r} after the phase start;
   *   <li>Poisson: Exp(1) gaps, the first one gap after the phase start;
   *   <li>gamma: Gamma(shape 1/cv², scale cv²) gaps (mean 1, coefficient of variation cv), the
   *       first one gap after the phase start.
   * </ul>
   */
  static UnitGaps of(Arrival arrival, SplittableRandom random) {
    switch (arrival.kind()) {
      case UNIFORM:
        return new UniformGaps();
      case POISSON:
        return new ExponentialGaps(random);
      case GAMMA:
        if (arrival.cv() == 0) {
          return new UniformGaps();
        }
        return new GammaGaps(random, arrival.cv());
      default:
        throw new IllegalArgumentException("unknown arrival kind " + arrival.kind());
    }
  }
}
