package dev.harness.capacity;

/**
 * Confidence bounds of a violation share: exact Clopper–Pearson (which assumes independent
 * requests) and batch means (which does not), combined by taking the wider interval.
 *
 * <p><b>Batch means.</b> Latencies of consecutive requests in a queue are correlated, which makes a
 * binomial interval over-confident. The requests, in order of intended send time, are cut into k =
 * min(20, n/100) consecutive windows of nearly equal count; with window shares s_i, the interval is
 * s̄ ± t_{k−1, c} · sd(s_i)/√k, clipped to [0, 1]; it is used only when k ≥ 5 (method of
 * non-overlapping batch means: Law and Kelton, Simulation Modeling and Analysis, §9.5.3;
 * Schmeiser, "Batch size effects in the analysis of simulation output", Operations Research 30,
 * 1982).
 */
final class ShareBounds {
  private ShareBounds() {}

  static final String CLOPPER_PEARSON = "clopper-pearson";
  static final int MAX_BATCHES = 20;
  static final int MIN_BATCHES = 5;
  static final int PER_BATCH = 100;

  /** A two-sided interval of one-sided bounds and the method behind its upper bound. */
  record Bounds(double lower, double upper, String method) {}

  /** Clopper–Pearson bounds of k of n. */
  static Bounds clopperPearson(long k, long n, double confidence) {
    return new Bounds(
        ClopperPearson.lower(k, n, confidence),
        ClopperPearson.upper(k, n, confidence),
        CLOPPER_PEARSON);
  }

  /**
   * The wider of Clopper–Pearson and batch means over {@code violated}, one flag per request in
   * order of intended send time; the method named is that of the wider upper bound.
   */
  static Bounds widest(boolean[] violated, double confidence) {
    int n = violated.length;
    long k = 0;
    for (boolean v : violated) {
      k += v ? 1 : 0;
    }
    Bounds exact = clopperPearson(k, n, confidence);
    int batches = Math.min(MAX_BATCHES, n / PER_BATCH);
    if (batches < MIN_BATCHES) {
      return exact;
    }
    double[] shares = new double[batches];
    for (int b = 0; b < batches; b++) {
      int from = (int) ((long) b * n / batches);
      int to = (int) ((long) (b + 1) * n / batches);
      int over = 0;
      for (int i = from; i < to; i++) {
        over += violated[i] ? 1 : 0;
      }
      shares[b] = (double) over / (to - from);
    }
    double mean = 0;
    for (double s : shares) {
      mean += s;
    }
    mean /= batches;
    double sumSquares = 0;
    for (double s : shares) {
      sumSquares += (s - mean) * (s - mean);
    }
    double standardError = Math.sqrt(sumSquares / (batches - 1)) / Math.sqrt(batches);
    double halfWidth = StudentT.quantile(confidence, batches - 1) * standardError;
    double lower = Math.max(0, mean - halfWidth);
    double upper = Math.min(1, mean + halfWidth);
    boolean batchWider = upper > exact.upper();
    return new Bounds(
        Math.min(lower, exact.lower()),
        Math.max(upper, exact.upper()),
        batchWider ? "batch-means(k=" + batches + ")" : CLOPPER_PEARSON);
  }
}
