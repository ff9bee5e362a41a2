package dev.harness.cost;

/**
 * A monthly cost with the uncertainty of the capacity behind it: {@code low} is the cost at the
 * bracket's high end (more capacity, fewer instances), {@code high} the cost at its low end.
 *
 * <p>Tie rule: two candidates whose ranges overlap ({@code a.low ≤ b.high} and {@code b.low ≤
 * a.high}) cannot be told apart by this measurement.
 *
 * @param low monthly cost at the highest capacity, $
 * @param point monthly cost at the point estimate, $
 * @param high monthly cost at the lowest capacity, $
 */
public record CostRange(double low, double point, double high) {
  public CostRange {
    if (!Double.isFinite(high) || !(0 <= low && low <= point && point <= high)) {
      throw new IllegalArgumentException("a cost range needs 0 <= low <= point <= high, got ["
          + low + ", " + point + ", " + high + "]");
    }
  }

  /** Whether the two ranges share at least one value (the tie rule). */
  public boolean overlaps(CostRange other) {
    return low <= other.high && other.low <= high;
  }
}
