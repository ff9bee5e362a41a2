package dev.harness.capacity;

/**
 * The regularized incomplete beta function I_x(a, b), the cumulative distribution of a Beta(a, b)
 * variable, on which the binomial and Student-t distributions rest.
 *
 * <p>I_x(a, b) = x^a (1−x)^b / (a B(a, b)) · 1/(1+ d1/(1+ d2/(1+ …))) with d_{2m+1} =
 * −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)) (Abramowitz & Stegun
 * 26.5.8), evaluated by the modified Lentz method (Press et al., Numerical Recipes, 3rd ed., §5.2
 * and §6.4). The fraction converges fast for x &lt; (a+1)/(a+b+2); above that, I_x(a, b) = 1 −
 * I_{1−x}(b, a) is used.
 */
final class Beta {
  private Beta() {}

  private static final double EPSILON = 1e-15;
  private static final double TINY = 1e-300;

  /** I_x(a, b) for a, b &gt; 0 and 0 ≤ x ≤ 1. */
  static double regularized(double x, double a, double b) {
    if (!(a > 0 && b > 0)) {
      throw new IllegalArgumentException("beta parameters must be > 0, got a=" + a + ", b=" + b);
    }
    if (!(x >= 0 && x <= 1)) {
      throw new IllegalArgumentException("x must be from 0 to 1, got " + x);
    }
    if (x == 0 || x == 1) {
      return x;
    }
    if (x < (a + 1) / (a + b + 2)) {
      return front(x, a, b) * continuedFraction(x, a, b) / a;
    }
    return 1 - front(1 - x, b, a) * continuedFraction(1 - x, b, a) / b;
  }

  /** x^a (1−x)^b / B(a, b), in logs to survive large a and b. */
  private static double front(double x, double a, double b) {
    double logFront =
        logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    return Math.exp(logFront);
  }

  /** The continued fraction of A&S 26.5.8 by modified Lentz. */
  private static double continuedFraction(double x, double a, double b) {
    // The fraction needs about sqrt(max(a, b)) terms; allow generously more.
    int maxTerms = 200 + (int) (20 * Math.sqrt(Math.max(a, b)));
    double c = 1;
    double d = nonZero(1 - (a + b) * x / (a + 1));
    d = 1 / d;
    double result = d;
    for (int m = 1; m <= maxTerms; m++) {
      double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
      d = 1 / nonZero(1 + even * d);
      c = nonZero(1 + even / c);
      result *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
      d = 1 / nonZero(1 + odd * d);
      c = nonZero(1 + odd / c);
      double step = d * c;
      result *= step;
      if (Math.abs(step - 1) < EPSILON) {
        return result;
      }
    }
    throw new ArithmeticException(
        "incomplete beta did not converge for x=" + x + ", a=" + a + ", b=" + b);
  }

  private static double nonZero(double v) {
    return Math.abs(v) < TINY ? TINY : v;
  }

  /**
   * ln Γ(x) for x &gt; 0: Stirling's series (Abramowitz & Stegun 6.1.41) at x ≥ 10, after the
   * recurrence Γ(x) = Γ(x+1)/x to get there.
   */
  static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    double shift = 0;
    while (x < 10) {
      shift += Math.log(x);
      x += 1;
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    double series = inv
        * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680
            - inv2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
  }
}
