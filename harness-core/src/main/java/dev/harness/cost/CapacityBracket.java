package dev.harness.cost;

import dev.harness.result.CapacityResult;
import java.util.Optional;

/**
 * The sustainable rate of one instance, with its uncertainty: the capacity search's bracket
 * [highest pass, lowest fail] and its point estimate, all in requests/s per instance.
 *
 * @param lowRps the highest rate that passed (what the measurement confirms)
 * @param pointRps the point estimate, within the bracket
 * @param highRps the lowest rate that failed; equal to {@code lowRps} when nothing failed
 */
public record CapacityBracket(double lowRps, double pointRps, double highRps) {
  public CapacityBracket {
    CostFormulas.requirePositive("capacity bracket low end (requests/s)", lowRps);
    if (!Double.isFinite(highRps) || !(lowRps <= pointRps && pointRps <= highRps)) {
      throw new IllegalArgumentException("capacity bracket must have low <= point <= high, finite,"
          + " got [" + lowRps + ", " + pointRps + ", " + highRps + "]");
    }
  }

  /** A bracket with no uncertainty. */
  public static CapacityBracket exactly(double rps) {
    return new CapacityBracket(rps, rps, rps);
  }

  /**
   * The bracket of a capacity search, divided by the instances behind the endpoint measured; empty
   * when nothing passed. A missing lowest fail gives {@code high = low}; a missing point estimate
   * is the highest pass.
   */
  public static Optional<CapacityBracket> from(CapacityResult.Sustainable s, int instances) {
    CostFormulas.requireAtLeast("instances measured", instances, 1);
    if (s == null || s.highestPass() == null || !(s.highestPass() > 0)) {
      return Optional.empty();
    }
    double lo = s.highestPass();
    double hi = s.lowestFail() != null && s.lowestFail() >= lo ? s.lowestFail() : lo;
    double point = s.pointEstimate() != null ? Math.min(hi, Math.max(lo, s.pointEstimate())) : lo;
    return Optional.of(new CapacityBracket(lo / instances, point / instances, hi / instances));
  }

  /** Relative width: high ÷ low − 1. */
  public double relativeWidth() {
    return highRps / lowRps - 1;
  }
}
