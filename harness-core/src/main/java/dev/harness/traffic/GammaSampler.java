package dev.harness.traffic;

import java.util.SplittableRandom;

/**
 * Gamma(shape, 1) variates from a seeded generator, written out here rather than taken from the
 * JDK so that a seed gives the same numbers on every Java version.
 *
 * <p>Shape ≥ 1: Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS
 * 26(3), 2000: with {@code d = shape − 1/3}, {@code c = 1/√(9d)}, draw X ~ N(0,1) and U ~ U(0,1),
 * {@code v = (1 + cX)³}; accept {@code d·v} when {@code v > 0} and {@code ln U < X²/2 + d − d·v +
 * d·ln v} (with the cheap squeeze {@code U < 1 − 0.0331·X⁴} tried first).
 *
 * <p>Shape &lt; 1: the boost from the same paper, {@code Gamma(a) = Gamma(a + 1) · U^(1/a)}.
 *
 * <p>Normals come from Marsaglia's polar method (Marsaglia and Bray, SIAM Review 6(3), 1964).
 */
final class GammaSampler {
  private GammaSampler() {}

  static double sample(SplittableRandom random, double shape) {
    if (!(shape > 0) || Double.isInfinite(shape)) {
      throw new IllegalArgumentException("gamma shape must be > 0, got " + shape);
    }
    if (shape < 1) {
      double u = random.nextDouble();
      return sample(random, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = normal(random);
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (u > 0 && Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** A standard normal by the polar method (the second value of the pair is discarded). */
  static double normal(SplittableRandom random) {
    while (true) {
      double a = 2 * random.nextDouble() - 1;
      double b = 2 * random.nextDouble() - 1;
      double s = a * a + b * b;
      if (s > 0 && s < 1) {
        return a * Math.sqrt(-2 * Math.log(s) / s);
      }
    }
  }
}
