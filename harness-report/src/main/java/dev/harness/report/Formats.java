package dev.harness.report;

import dev.harness.record.LatencySummary;
import dev.harness.result.StepResult;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Number formatting shared by every report, always in {@link Locale#ROOT} so that outputs are the
 * same whatever the JVM's default locale: "." as the decimal separator and no grouping.
 *
 * <p>Human tables round ({@link #rate}, {@link #millis}); machine outputs (CSV, the HTML {@code
 * data-value} attributes) keep every digit results.json holds ({@link #plain}).
 */
final class Formats {
  private Formats() {}

  /** A rate or count per second: no decimals from 100 up, else one. */
  static String rate(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
  }

  /** A latency in ms: three significant figures or more (at most two decimals). */
  static String millis(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
  }

  /**
   * One percentile of a latency summary in ms, "-" when there are no values, and prefixed with
   * "≥" when it lies among censored (timed-out) requests.
   */
  static String millis(LatencySummary l, String percentile) {
    if (l == null || l.n() == 0) {
      return "-";
    }
    double v = l.valueMillis(percentile);
    String s = millis(v);
    return l.isCensored(v) ? "≥" + s : s;
  }

  /** A share 0..1 as a percentage with up to two decimals, trailing zeros dropped: "0.1%". */
  static String percent(double share) {
    return plain(BigDecimal.valueOf(100 * share).setScale(2, java.math.RoundingMode.HALF_UP)
        .doubleValue()) + "%";
  }

  /** Requests of a step that did not succeed: "0", or the count and the error rate. */
  static String errors(StepResult s) {
    long errors = s.scheduled() - s.outcomes().getOrDefault("success", 0L);
    if (errors == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%d (%.1f%%)", errors, 100.0 * s.errorRate());
  }

  /**
   * A number for machines: the shortest decimal that reads back as the same double, never in
   * exponent notation, no trailing ".0" ("35", "0.0001", "35.29328721677137"); empty for null,
   * NaN and infinities.
   */
  static String plain(Double v) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return "";
    }
    if (v == 0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
