package dev.harness.capacity;

/**
 * Student's t distribution with {@code df} degrees of freedom.
 *
 * <p>For t ≥ 0, F(t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) (Abramowitz & Stegun 26.7.1 with 26.5.27),
 * and F(−t) = 1 − F(t). The quantile is found by bisection on F.
 */
final class StudentT {
  private StudentT() {}

  private static final double TOLERANCE = 1e-12;

  /** P(T ≤ t). */
  static double cdf(double t, double df) {
    requirePositive(df);
    double tail = 0.5 * Beta.regularized(df / (df + t * t), df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /** The t with P(T ≤ t) = p, for 0 &lt; p &lt; 1. */
  static double quantile(double p, double df) {
    requirePositive(df);
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be between 0 and 1, both excluded, got " + p);
    }
    if (p < 0.5) {
      return -quantile(1 - p, df);
    }
    double lo = 0;
    double hi = 1;
    while (cdf(hi, df) < p) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > TOLERANCE * Math.max(1, hi)) {
      double mid = 0.5 * (lo + hi);
      if (cdf(mid, df) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private static void requirePositive(double df) {
    if (!(df > 0)) {
      throw new IllegalArgumentException("degrees of freedom must be > 0, got " + df);
    }
  }
}
