package dev.harness.capacity;

/**
 * Exact one-sided confidence bounds of a binomial proportion (Clopper and Pearson, "The use of
 * confidence or fiducial limits illustrated in the case of the binomial", Biometrika 26, 1934).
 *
 * <p>With k successes in n trials, the upper bound at confidence c is the p at which seeing k or
 * fewer has probability 1 − c; through the binomial–beta identity P(X ≤ k) = 1 − I_p(k+1, n−k) it
 * is the c-quantile of Beta(k+1, n−k). Likewise the lower bound is the (1−c)-quantile of Beta(k,
 * n−k+1). Edge cases: k = 0 gives lower 0 (and upper 1 − (1−c)^(1/n)), k = n gives upper 1, n = 0
 * gives [0, 1]. Quantiles are found by bisection on {@link Beta#regularized} to 1e-12.
 */
public final class ClopperPearson {
  private ClopperPearson() {}

  private static final double TOLERANCE = 1e-12;

  /** One-sided upper bound of the true proportion, given k of n, at {@code confidence}. */
  public static double upper(long k, long n, double confidence) {
    validate(k, n, confidence);
    if (k == n) {
      return 1;
    }
    return betaQuantile(confidence, k + 1, n - k);
  }

  /** One-sided lower bound of the true proportion, given k of n, at {@code confidence}. */
  public static double lower(long k, long n, double confidence) {
    validate(k, n, confidence);
    if (k == 0) {
      return 0;
    }
    return betaQuantile(1 - confidence, k, n - k + 1);
  }

  /** The p at which I_p(a, b) = q; I_p is increasing in p. */
  private static double betaQuantile(double q, double a, double b) {
    double lo = 0;
    double hi = 1;
    while (hi - lo > TOLERANCE) {
      double mid = 0.5 * (lo + hi);
      if (Beta.regularized(mid, a, b) < q) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private static void validate(long k, long n, double confidence) {
    if (n < 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("need 0 ≤ k ≤ n, got k=" + k + ", n=" + n);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence must be between 0 and 1, both excluded, got " + confidence);
    }
  }
}
