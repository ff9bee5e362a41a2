package dev.harness.record;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one metric over one step, with the number of values behind them. Values are in
 * milliseconds. A percentile at or above {@code censoredAtMillis} lies among censored values (a
 * timeout recorded at the timeout) and must be read as "≥ timeout".
 *
 * @param n number of recorded values
 * @param censoredAtMillis value at which recordings are censored, or 0 when nothing is censored
 */
public record LatencySummary(
    long n,
    double meanMillis,
    double p50Millis,
    double p90Millis,
    double p95Millis,
    double p99Millis,
    double p999Millis,
    double maxMillis,
    double censoredAtMillis) {

  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Summarises a histogram of microsecond values. */
  public static LatencySummary of(Histogram micros, long censoredAtMicros) {
    long n = micros.getTotalCount();
    if (n == 0) {
      return EMPTY;
    }
    return new LatencySummary(
        n,
        micros.getMean() / 1000.0,
        pct(micros, 50),
        pct(micros, 90),
        pct(micros, 95),
        pct(micros, 99),
        pct(micros, 99.9),
        micros.getMaxValue() / 1000.0,
        censoredAtMicros > 0 ? censoredAtMicros / 1000.0 : 0);
  }

  private static double pct(Histogram h, double p) {
    return h.getValueAtPercentile(p) / 1000.0;
  }

  /** Value of the named percentile ("p50", "p90", "p95", "p99", "p99.9", "max"). */
  public double valueMillis(String percentile) {
    switch (percentile) {
      case "p50":
        return p50Millis;
      case "p90":
        return p90Millis;
      case "p95":
        return p95Millis;
      case "p99":
        return p99Millis;
      case "p99.9":
        return p999Millis;
      case "max":
        return maxMillis;
      default:
        throw new IllegalArgumentException("unknown percentile " + percentile);
    }
  }

  /**
   * True when {@code valueMillis} falls among censored recordings: within the histogram's
   * resolution (3 significant digits) of the censoring value.
   */
  public boolean isCensored(double valueMillis) {
    return censoredAtMillis > 0 && valueMillis >= censoredAtMillis * 0.999;
  }
}
