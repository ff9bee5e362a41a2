package dev.harness.capacity;

/**
 * Distribution-free confidence intervals for a percentile from the order statistics of the sample
 * (e.g. Conover, Practical Nonparametric Statistics, §3.2): the number of sample values below the
 * true p-quantile is Binomial(n, p), so the ranks n·p ∓ z·√(n·p·(1−p)) bound it; the normal
 * approximation is good once n·p·(1−p) is a few units.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The two-sided interval at {@code confidence} for the {@code percentile} (0–100) of sorted
   * values, as {low, high} in the values' unit; {@code Long.MAX_VALUE} values (failures) count as
   * infinitely slow, and a bound that falls on them is {@code Double.POSITIVE_INFINITY}. Null when
   * fewer than 10 values or the interval is degenerate (n·p·(1−p) &lt; 1).
   */
  public static double[] interval(long[] sorted, double percentile, double confidence) {
    int n = sorted.length;
    double p = percentile / 100;
    double var = n * p * (1 - p);
    if (n < 10 || var < 1) {
      return null;
    }
    double z = normalQuantile(0.5 + confidence / 2);
    int lo = (int) Math.floor(n * p - z * Math.sqrt(var));
    int hi = (int) Math.ceil(n * p + z * Math.sqrt(var));
    lo = Math.max(0, Math.min(n - 1, lo));
    hi = Math.max(0, Math.min(n - 1, hi));
    return new double[] {value(sorted[lo]), value(sorted[hi])};
  }

  private static double value(long v) {
    return v == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v;
  }

  /**
   * Standard normal quantile by Acklam's rational approximation (relative error below 1.2e-9),
   * from P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
   * function" (2003).
   */
  static double normalQuantile(double q) {
    if (!(q > 0 && q < 1)) {
      throw new IllegalArgumentException("q must be in (0, 1), got " + q);
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double low = 0.02425;
    if (q < low) {
      double t = Math.sqrt(-2 * Math.log(q));
      return (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5])
          / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
    }
    if (q > 1 - low) {
      return -normalQuantile(1 - q);
    }
    double t = q - 0.5;
    double r = t * t;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * t
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
