package dev.harness.cost;

/**
 * Every cost and sizing formula in one place (docs/cost.md writes out the same). Rates are
 * requests per second per instance unless named otherwise; prices are dollars per instance-hour.
 *
 * <ul>
 *   <li>cost per hour of a deployment = instances × price;
 *   <li>cost per 1,000 inferences at a sustainable rate R = price ÷ (3600 × R) × 1000 (an hour of
 *       one instance serves 3600 × R requests);
 *   <li>cost per 1M output tokens at T output tokens/s = price ÷ (3600 × T) × 10⁶;
 *   <li>capacity per copy = R ÷ copies; per GPU = R ÷ (copies × GPUs per copy);
 *   <li>instances for a load L = max(minimum, ⌈L × growth ÷ R⌉ + k) for N+k redundancy;
 *   <li>monthly cost = price × (steady instances × (24 − peak hours) + peak instances × peak
 *       hours) × {@value #DAYS_PER_MONTH} days;
 *   <li>growth over y years at a fraction g per year = (1 + g)^y (compound growth).
 * </ul>
 *
 * {@value #DAYS_PER_MONTH} days per month is 365 ÷ 12 = 30.42 rounded down to one decimal, i.e.
 * 729.6 hours, close to the 730 hours AWS pricing pages use for a month.
 */
public final class CostFormulas {
  private CostFormulas() {}

  /** Days in a month of cost: 365 ÷ 12 ≈ 30.4. */
  public static final double DAYS_PER_MONTH = 30.4;

  /** Hours in a day. */
  public static final double HOURS_PER_DAY = 24;

  /**
   * Relative slack when rounding a load up to whole instances, so that a load that is an exact
   * multiple of the capacity is not pushed up by floating-point error (0.7 × 3 ÷ 0.7 must be 3).
   */
  static final double WHOLE_TOLERANCE = 1e-9;

  /** Cost per hour of {@code instances} instances: instances × price. */
  public static double hourlyCost(int instances, double pricePerHour) {
    requireAtLeast("instances", instances, 0);
    requirePrice(pricePerHour);
    return instances * pricePerHour;
  }

  /** Cost per 1,000 inferences at {@code rps} sustained by one instance: price ÷ (3600 × R) × 1000. */
  public static double costPer1kInferences(double pricePerHour, double rps) {
    requirePrice(pricePerHour);
    requirePositive("rate (requests/s per instance)", rps);
    return pricePerHour / (3600 * rps) * 1000;
  }

  /** Cost per 1M output tokens at {@code tokensPerSec} from one instance: price ÷ (3600 × T) × 10⁶. */
  public static double costPer1MOutputTokens(double pricePerHour, double tokensPerSec) {
    requirePrice(pricePerHour);
    requirePositive("output tokens/s per instance", tokensPerSec);
    return pricePerHour / (3600 * tokensPerSec) * 1_000_000;
  }

  /** Capacity of one model copy: R ÷ copies. */
  public static double perCopy(double rpsPerInstance, int copies) {
    requirePositive("rate (requests/s per instance)", rpsPerInstance);
    requireAtLeast("copies per instance", copies, 1);
    return rpsPerInstance / copies;
  }

  /** Capacity of one GPU (or accelerator): R ÷ (copies × GPUs per copy). */
  public static double perGpu(double rpsPerInstance, int copies, int gpusPerCopy) {
    requireAtLeast("GPUs per copy", gpusPerCopy, 1);
    return perCopy(rpsPerInstance, copies) / gpusPerCopy;
  }

  /**
   * Whole instances for a load: max(minimum, ⌈load × growth ÷ R⌉ + redundancy). A load of zero
   * needs only the redundancy (and the minimum).
   */
  public static int instances(
      double rps, double growth, double rpsPerInstance, int redundancy, int minimum) {
    requireAtLeast("load (requests/s)", rps, 0);
    requirePositive("growth multiplier", growth);
    requirePositive("rate (requests/s per instance)", rpsPerInstance);
    requireAtLeast("redundancy", redundancy, 0);
    requireAtLeast("minimum instances", minimum, 0);
    return Math.max(minimum, wholeInstances(rps * growth / rpsPerInstance) + redundancy);
  }

  /**
   * Monthly cost: price × (steady × (24 − peak hours) + peak × peak hours) × {@value
   * #DAYS_PER_MONTH}.
   */
  public static double monthlyCost(
      double pricePerHour, int steadyInstances, int peakInstances, double peakHoursPerDay) {
    requirePrice(pricePerHour);
    requireAtLeast("steady instances", steadyInstances, 0);
    requireAtLeast("peak instances", peakInstances, 0);
    requireHours(peakHoursPerDay);
    double instanceHoursPerDay =
        steadyInstances * (HOURS_PER_DAY - peakHoursPerDay) + peakInstances * peakHoursPerDay;
    return pricePerHour * instanceHoursPerDay * DAYS_PER_MONTH;
  }

  /** Burst factor of the traffic: peak ÷ steady (infinite when steady is zero). */
  public static double burstFactor(double steadyRps, double peakRps) {
    requireAtLeast("steady rate", steadyRps, 0);
    requireAtLeast("peak rate", peakRps, steadyRps);
    return steadyRps == 0 ? Double.POSITIVE_INFINITY : peakRps / steadyRps;
  }

  /** Compound growth multiplier: (1 + fraction per year)^years. */
  public static double growth(double fractionPerYear, double years) {
    if (!(fractionPerYear > -1) || !Double.isFinite(fractionPerYear)) {
      throw new IllegalArgumentException(
          "growth per year must be a fraction > -1, e.g. 0.3 for 30 %, got " + fractionPerYear);
    }
    requireAtLeast("years of growth", years, 0);
    return Math.pow(1 + fractionPerYear, years);
  }

  /** Whole instances for a load of {@code x} instances' worth: ⌈x⌉ with a relative tolerance. */
  static int wholeInstances(double x) {
    double n = Math.ceil(x - WHOLE_TOLERANCE * Math.max(1, x));
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("needs more than " + Integer.MAX_VALUE
          + " instances (" + x + "); check the rates");
    }
    return (int) Math.max(0, n);
  }

  static void requireHours(double peakHoursPerDay) {
    if (!(peakHoursPerDay >= 0 && peakHoursPerDay <= HOURS_PER_DAY)) {
      throw new IllegalArgumentException(
          "peak hours per day must be from 0 to 24, got " + peakHoursPerDay);
    }
  }

  private static void requirePrice(double pricePerHour) {
    requirePositive("price ($/h)", pricePerHour);
  }

  static void requirePositive(String what, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be > 0, got " + number(value));
    }
  }

  static void requireAtLeast(String what, double value, double min) {
    if (!(value >= min) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be >= " + number(min) + ", got "
          + number(value));
    }
  }

  /** A number as a message shows it: whole numbers without ".0". */
  static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
