package dev.harness.report.compare;

import dev.harness.capacity.Rates;
import java.util.List;
import java.util.Locale;

/**
 * What {@code harness compare} checks: five figures read along the capacity curve at each offered
 * rate, and two figures of the whole run. Each knows which direction is a regression, whether its
 * tolerance is relative (a share of the baseline) or absolute (error rate, in percentage points),
 * and how to print its values.
 */
public enum Quantity {
  /** 99th percentile of end-to-end latency (ms) of the step's cohort. */
  P99_E2E("p99 e2e", "e2e", true, false),
  /** 99th percentile of time to first token (ms), LLM targets. */
  P99_TTFT("p99 TTFT", "ttft", true, false),
  /** 99th percentile of inter-token latency (ms), LLM targets. */
  P99_ITL("p99 ITL", "itl", true, false),
  /** Share of the step's cohort that did not succeed (0..1); its tolerance is absolute. */
  ERROR_RATE("error rate", null, true, true),
  /** Successes per second ÷ offered rate: how much of the offered load was served. */
  ACHIEVED_SHARE("achieved/offered", null, false, false),
  /** The run's sustainable rate (point estimate, else highest pass), req/s. */
  SUSTAINABLE_RATE("sustainable rate", null, false, false),
  /** Monthly cost of the recommended fleet, $ (harness recommend results). */
  FLEET_COST("fleet cost", null, true, false);

  /** The quantities read at each offered rate of the curve, in table order. */
  public static final List<Quantity> ALONG_THE_CURVE =
      List.of(P99_E2E, P99_TTFT, P99_ITL, ERROR_RATE, ACHIEVED_SHARE);

  private final String label;
  private final String metricTag;
  private final boolean higherIsWorse;
  private final boolean absolute;

  Quantity(String label, String metricTag, boolean higherIsWorse, boolean absolute) {
    this.label = label;
    this.metricTag = metricTag;
    this.higherIsWorse = higherIsWorse;
    this.absolute = absolute;
  }

  /** Name in check names and tables, e.g. "p99 e2e". */
  public String label() {
    return label;
  }

  /** The latency metric tag in results.json {@code steps[].latencies}, or null. */
  public String metricTag() {
    return metricTag;
  }

  /** True when a rise is a regression (latency, errors, cost); false when a fall is. */
  public boolean higherIsWorse() {
    return higherIsWorse;
  }

  /** True when the tolerance is a difference (error rate), false when it is a ratio. */
  public boolean absolute() {
    return absolute;
  }

  /** A value with its unit, e.g. "41.0 ms", "375 req/s", "0.12 %". */
  public String format(double v) {
    switch (this) {
      case P99_E2E:
      case P99_TTFT:
      case P99_ITL:
        return millis(v) + " ms";
      case ERROR_RATE:
        return String.format(Locale.ROOT, "%.2f %%", 100 * v);
      case ACHIEVED_SHARE:
        return String.format(Locale.ROOT, "%.3f", v);
      case SUSTAINABLE_RATE:
        return Rates.label(v) + " req/s";
      case FLEET_COST:
        return String.format(Locale.ROOT, "$%.0f/month", v);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * A change or an allowance: a relative one as a signed percentage ("+18.2 %"), an absolute
   * one (error rate) in signed percentage points ("+0.50 pp").
   */
  public String formatChange(double change) {
    if (Double.isNaN(change)) {
      return "n/a";
    }
    return absolute
        ? String.format(Locale.ROOT, "%+.2f pp", 100 * change)
        : String.format(Locale.ROOT, "%+.1f %%", 100 * change);
  }

  private static String millis(double v) {
    if (Math.abs(v) < 10) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (Math.abs(v) < 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.0f", v);
  }
}
