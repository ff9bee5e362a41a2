package dev.harness.capacity;

/**
 * Isotonic (monotone) regression, for curves that must not decrease, such as the share of requests
 * over a latency threshold as the offered rate grows. Measured steps are noisy; fitting the
 * closest non-decreasing curve before reading where it crosses the allowed share keeps one lucky
 * step from hiding the edge.
 *
 * <p>Fit: pool-adjacent-violators (Ayer et al., "An empirical distribution function for sampling
 * with incomplete information", Ann. Math. Statist. 26, 1955; Barlow et al., Statistical Inference
 * under Order Restrictions, 1972): scan left to right keeping blocks of pooled points; whenever a
 * block's weighted mean falls below its predecessor's, merge the two and look back again. The
 * result minimises Σ w_i (y_i − f_i)² over non-decreasing f.
 */
public final class Isotonic {
  private Isotonic() {}

  /**
   * The weighted least-squares non-decreasing fit of {@code y}.
   *
   * @param y values in order of x, finite
   * @param weights one per value, finite and ≥ 0 (e.g. each step's n); null for equal weights. A
   *     block of zero-weight points pools to their plain mean.
   */
  public static double[] increasing(double[] y, double[] weights) {
    int n = y.length;
    if (weights != null && weights.length != n) {
      throw new IllegalArgumentException(
          "need one weight per value, got " + weights.length + " weights for " + n + " values");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] must be finite, got " + y[i]);
      }
      if (weights != null && !(weights[i] >= 0 && Double.isFinite(weights[i]))) {
        throw new IllegalArgumentException(
            "weights[" + i + "] must be finite and ≥ 0, got " + weights[i]);
      }
    }
    // Blocks on a stack: value, weight, number of points, and their plain sum for zero weights.
    double[] value = new double[n];
    double[] weight = new double[n];
    double[] plainSum = new double[n];
    int[] size = new int[n];
    int blocks = 0;
    for (int i = 0; i < n; i++) {
      value[blocks] = y[i];
      weight[blocks] = weights == null ? 1 : weights[i];
      plainSum[blocks] = y[i];
      size[blocks] = 1;
      blocks++;
      while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
        int a = blocks - 2;
        int b = blocks - 1;
        double w = weight[a] + weight[b];
        plainSum[a] += plainSum[b];
        size[a] += size[b];
        value[a] = w > 0 ? (value[a] * weight[a] + value[b] * weight[b]) / w : plainSum[a] / size[a];
        weight[a] = w;
        blocks--;
      }
    }
    double[] fitted = new double[n];
    int at = 0;
    for (int b = 0; b < blocks; b++) {
      for (int j = 0; j < size[b]; j++) {
        fitted[at++] = value[b];
      }
    }
    return fitted;
  }

  /**
   * The x where the curve first reaches {@code level}, linearly interpolated between the points
   * around it: x[0] when the first point is already at or above the level, NaN when no point
   * reaches it (or there are no points).
   *
   * @param x increasing positions (e.g. offered rates)
   * @param fitted the curve's value at each x
   */
  public static double crossing(double[] x, double[] fitted, double level) {
    if (x.length != fitted.length) {
      throw new IllegalArgumentException(
          "need one value per x, got " + fitted.length + " values for " + x.length + " x");
    }
    for (int i = 0; i < x.length; i++) {
      if (fitted[i] >= level) {
        if (i == 0) {
          return x[0];
        }
        double span = fitted[i] - fitted[i - 1];
        return x[i - 1] + (level - fitted[i - 1]) / span * (x[i] - x[i - 1]);
      }
    }
    return Double.NaN;
  }
}
