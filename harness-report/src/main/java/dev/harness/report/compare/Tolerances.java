package dev.harness.report.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How far the current run may move before a check fails: at least {@code spreadFactor} times the
 * spread the baselines show among themselves, never less than a floor.
 *
 * <p>For one quantity at one rate with baseline values b₁…bₙ (n ≥ 2), the reference is their
 * median m and the spread is max − min. The allowed change is
 *
 * <pre>
 *   relative quantities:  max(relativeFloor,  spreadFactor × (max − min) / |m|)
 *   error rate:           max(errorRateFloor, spreadFactor × (max − min))        (absolute)
 * </pre>
 *
 * A fall (sustainable rate, achieved ÷ offered) is allowed at most 100 %: a bound below zero would
 * say nothing. With a single baseline there is no spread and the floor applies alone. The rule is the one of
 * the nightly regression gate in the issue (tolerances "at least twice the spread seen between
 * baseline runs"); the range, not a standard deviation, because two to five baselines are typical.
 *
 * @param relativeFloor smallest relative tolerance (latencies, rates, cost), e.g. 0.05
 * @param errorRateFloor smallest absolute tolerance of the error rate, e.g. 0.005 (0.5 pp)
 * @param spreadFactor multiple of the baselines' spread allowed, e.g. 2
 */
public record Tolerances(double relativeFloor, double errorRateFloor, double spreadFactor) {

  /** 5 % relative, 0.5 percentage points of error rate, twice the spread. */
  public static final Tolerances DEFAULT = new Tolerances(0.05, 0.005, 2.0);

  public Tolerances {
    if (!(relativeFloor >= 0 && relativeFloor < 1)) {
      throw new IllegalArgumentException(
          "the relative tolerance floor must be from 0 % to below 100 %, got "
              + 100 * relativeFloor + " %");
    }
    if (!(errorRateFloor >= 0 && errorRateFloor <= 1)) {
      throw new IllegalArgumentException(
          "the error-rate tolerance floor must be from 0 to 100 percentage points, got "
              + 100 * errorRateFloor);
    }
    if (!(spreadFactor >= 1 && Double.isFinite(spreadFactor))) {
      throw new IllegalArgumentException(
          "the spread factor must be at least 1, got " + spreadFactor);
    }
  }

  /** This with another relative floor. */
  public Tolerances withRelativeFloor(double floor) {
    return new Tolerances(floor, errorRateFloor, spreadFactor);
  }

  /** This with another error-rate floor. */
  public Tolerances withErrorRateFloor(double floor) {
    return new Tolerances(relativeFloor, floor, spreadFactor);
  }

  /** The floor of {@code q}: relative, or absolute for the error rate. */
  public double floor(Quantity q) {
    return q.absolute() ? errorRateFloor : relativeFloor;
  }

  /**
   * The allowed change of {@code q} given the baselines' values (see the class comment): a
   * fraction of the reference for relative quantities, a difference for the error rate.
   */
  public double allowed(Quantity q, List<Double> baselines) {
    if (baselines.isEmpty()) {
      throw new IllegalArgumentException("no baseline values for " + q.label());
    }
    double spread = Collections.max(baselines) - Collections.min(baselines);
    if (!q.absolute()) {
      double reference = Math.abs(median(baselines));
      spread = reference > 0 ? spread / reference : 0;
    }
    double allowed = Math.max(floor(q), spreadFactor * spread);
    return q.higherIsWorse() || q.absolute() ? allowed : Math.min(1, allowed);
  }

  /** The median (the mean of the middle two for an even count). */
  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
