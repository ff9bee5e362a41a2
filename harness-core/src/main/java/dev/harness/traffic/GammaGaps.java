package dev.harness.traffic;

import java.util.SplittableRandom;

/** Gamma gaps with mean 1 and coefficient of variation {@code cv}; see {@link GammaSampler}. */
final class GammaGaps implements UnitGaps {
  private final SplittableRandom random;
  private final double shape;
  private final double scale;

  GammaGaps(SplittableRandom random, double cv) {
    this.random = random;
    this.shape = 1 / (cv * cv);
    this.scale = cv * cv;
  }

  @Override
  public double nextGap() {
    return GammaSampler.sample(random, shape) * scale;
  }
}
