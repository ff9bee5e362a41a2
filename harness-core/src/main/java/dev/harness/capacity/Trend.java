package dev.harness.capacity;

/**
 * Trend statistics for {@link Stability}: Mann–Kendall's S and a least-squares slope with its t
 * statistic.
 */
final class Trend {
  private Trend() {}

  /**
   * Mann–Kendall trend test, normal approximation: S = Σ_{i&lt;j} sgn(x_j − x_i), Var(S) =
   * [n(n−1)(2n+5) − Σ_ties t(t−1)(2t+5)]/18, z = (S − sgn S)/√Var(S) with continuity correction
   * (Mann, Econometrica 13, 1945; Kendall, Rank Correlation Methods, 1975; Hipel and McLeod, Time
   * Series Modelling of Water Resources, §23.3). Returns z; 0 when undefined.
   */
  static double mannKendallZ(double[] x) {
    int n = x.length;
    long s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        s += (long) Math.signum(x[j] - x[i]);
      }
    }
    double variance = n * (n - 1.0) * (2 * n + 5);
    boolean[] counted = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (counted[i]) {
        continue;
      }
      int t = 0;
      for (int j = i; j < n; j++) {
        if (x[j] == x[i]) {
          counted[j] = true;
          t++;
        }
      }
      variance -= t * (t - 1.0) * (2 * t + 5);
    }
    variance /= 18;
    if (s == 0 || variance <= 0) {
      return 0;
    }
    return (s - Math.signum(s)) / Math.sqrt(variance);
  }

  /** A least-squares line through (i, y_i), i = 0, 1, …, with the t statistic of its slope. */
  record Line(double slope, double t, double mean) {}

  /**
   * Ordinary least squares of y on x = 0..m−1: b = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)², se(b) = √(Σr²/(m−2) /
   * Σ(x−x̄)²), t = b/se(b) (any regression text, e.g. Montgomery, Peck and Vining, Introduction to
   * Linear Regression Analysis, §2.3). A perfect fit gives t = ±∞ (0 for a flat line). Needs m ≥ 3.
   */
  static Line leastSquares(double[] y) {
    int m = y.length;
    double xMean = (m - 1) / 2.0;
    double yMean = 0;
    for (double v : y) {
      yMean += v;
    }
    yMean /= m;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < m; i++) {
      sxx += (i - xMean) * (i - xMean);
      sxy += (i - xMean) * (y[i] - yMean);
    }
    double slope = sxy / sxx;
    double residuals = 0;
    for (int i = 0; i < m; i++) {
      double r = y[i] - (yMean + slope * (i - xMean));
      residuals += r * r;
    }
    double se = Math.sqrt(residuals / (m - 2) / sxx);
    double t;
    if (se > 1e-12 * Math.max(1, Math.abs(slope))) {
      t = slope / se;
    } else {
      t = slope == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, slope);
    }
    return new Line(slope, t, yMean);
  }
}
