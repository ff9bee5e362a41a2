package dev.harness.traffic;

import java.util.SplittableRandom;

/** Exp(1) gaps by inversion: {@code -ln(1 - U)} with U uniform on [0, 1). */
final class ExponentialGaps implements UnitGaps {
  private final SplittableRandom random;

  ExponentialGaps(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public double nextGap() {
    return -Math.log1p(-random.nextDouble());
  }
}
