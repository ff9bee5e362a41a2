package dev.harness.report.compare;

import dev.harness.capacity.Rates;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One regression check of {@code harness compare}: a quantity (at an offered rate, or of the whole
 * run), the baselines' values, the current value, the allowed change and the verdict.
 *
 * @param quantity what is compared
 * @param rateRps the offered rate it was read at, or null for a figure of the whole run
 * @param baselineValues each baseline's value, in the order the baselines were given
 * @param baseline the reference: the median of {@code baselineValues}
 * @param current the current run's value, or null when it has none (a failed check)
 * @param allowed the allowed change: a fraction of {@code baseline}, or a difference for the
 *     error rate (see {@link Tolerances})
 * @param passed the current value is within the bound
 */
public record Check(
    Quantity quantity,
    Double rateRps,
    List<Double> baselineValues,
    double baseline,
    Double current,
    double allowed,
    boolean passed) {

  public Check {
    Objects.requireNonNull(quantity, "quantity");
    baselineValues = List.copyOf(baselineValues);
    if (baselineValues.isEmpty()) {
      throw new IllegalArgumentException(quantity.label() + ": no baseline values");
    }
    if (!(allowed >= 0)) {
      throw new IllegalArgumentException(quantity.label() + ": allowed change must be >= 0, got "
          + allowed);
    }
  }

  /** Judges {@code current} against the baselines' values with the given tolerances. */
  public static Check judge(Quantity q, Double rateRps, List<Double> baselineValues,
      Double current, Tolerances tolerances) {
    double reference = Tolerances.median(baselineValues);
    double allowed = tolerances.allowed(q, baselineValues);
    double bound = bound(q, reference, allowed);
    boolean ok = current != null && (q.higherIsWorse()
        ? current <= bound + 1e-12 * Math.abs(bound)
        : current >= bound - 1e-12 * Math.abs(bound));
    return new Check(q, rateRps, baselineValues, reference, current, allowed, ok);
  }

  private static double bound(Quantity q, double reference, double allowed) {
    double sign = q.higherIsWorse() ? 1 : -1;
    return q.absolute() ? reference + sign * allowed
        : reference * (1 + sign * allowed);
  }

  /** The check's name, e.g. "p99 e2e at 120 req/s" or "sustainable rate". */
  public String name() {
    return rateRps == null ? quantity.label()
        : quantity.label() + " at " + Rates.label(rateRps) + " req/s";
  }

  /** The worst value still allowed. */
  public double bound() {
    return bound(quantity, baseline, allowed);
  }

  /**
   * The current value's change from the baseline: relative (0.182 = +18.2 %), or a difference for
   * the error rate; NaN without a current value or for a relative change from zero.
   */
  public double change() {
    if (current == null) {
      return Double.NaN;
    }
    if (quantity.absolute()) {
      return current - baseline;
    }
    return baseline == 0 ? Double.NaN : current / baseline - 1;
  }

  /** The allowed change as signed text in the regression's direction, e.g. "+9.6 %". */
  public String allowedText() {
    return quantity.formatChange(quantity.higherIsWorse() ? allowed : -allowed);
  }

  /**
   * One line for people and CI, e.g. "p99 e2e at 120 req/s rose 18.2 % > allowed 9.6 %
   * (baseline 41.0 ms, current 48.5 ms)".
   */
  public String message() {
    String base = "baseline " + quantity.format(baseline);
    if (current == null) {
      return name() + ": no value in the current run (" + base + ")";
    }
    String values = " (" + base + ", current " + quantity.format(current) + ")";
    double change = change();
    String unsignedAllowed = unsigned(allowed);
    if (passed) {
      return name() + " " + quantity.formatChange(change) + " within allowed "
          + allowedText() + values;
    }
    String verb = quantity.higherIsWorse() ? " rose " : " fell ";
    return name() + verb + (Double.isNaN(change) ? "from 0" : unsigned(Math.abs(change)))
        + " > allowed " + unsignedAllowed + values;
  }

  private String unsigned(double v) {
    return quantity.absolute() ? String.format(Locale.ROOT, "%.2f pp", 100 * v)
        : String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }
}
