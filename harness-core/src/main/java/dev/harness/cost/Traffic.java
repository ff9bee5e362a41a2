package dev.harness.cost;

/**
 * The traffic a fleet must carry, as the user declares it.
 *
 * @param steadyRps requests/s outside the peak
 * @param peakRps requests/s during the peak (at least the steady rate)
 * @param peakHoursPerDay hours a day at the peak, 0 to 24
 * @param growth multiplier applied to both rates, e.g. 1.3 for 30 % more traffic; 1 for none
 *     ({@link CostFormulas#growth} turns a yearly fraction into one)
 * @param minInstances the fewest instances ever run, at least 1
 * @param redundancy k of N+k: instances kept beyond what the load needs (0 for none)
 */
public record Traffic(
    double steadyRps,
    double peakRps,
    double peakHoursPerDay,
    double growth,
    int minInstances,
    int redundancy) {
  public Traffic {
    CostFormulas.requireAtLeast("steady rate (requests/s)", steadyRps, 0);
    CostFormulas.requirePositive("peak rate (requests/s)", peakRps);
    if (peakRps < steadyRps) {
      throw new IllegalArgumentException("peak rate must be at least the steady rate, got peak "
          + CostFormulas.number(peakRps) + " < steady " + CostFormulas.number(steadyRps));
    }
    CostFormulas.requireHours(peakHoursPerDay);
    CostFormulas.requirePositive("growth multiplier", growth);
    CostFormulas.requireAtLeast("minimum instances", minInstances, 1);
    CostFormulas.requireAtLeast("redundancy (k of N+k)", redundancy, 0);
  }

  /** Traffic with no growth, at least one instance and N+1 redundancy. */
  public static Traffic of(double steadyRps, double peakRps, double peakHoursPerDay) {
    return new Traffic(steadyRps, peakRps, peakHoursPerDay, 1, 1, 1);
  }

  /** The same traffic grown by {@code fractionPerYear} for {@code years}: (1 + g)^y. */
  public Traffic withAnnualGrowth(double fractionPerYear, double years) {
    return withGrowth(CostFormulas.growth(fractionPerYear, years));
  }

  /** The same traffic with another growth multiplier. */
  public Traffic withGrowth(double multiplier) {
    return new Traffic(steadyRps, peakRps, peakHoursPerDay, multiplier, minInstances, redundancy);
  }

  /** The same traffic with other fleet bounds. */
  public Traffic withFleet(int minInstances, int redundancy) {
    return new Traffic(steadyRps, peakRps, peakHoursPerDay, growth, minInstances, redundancy);
  }

  /** Peak ÷ steady (infinite when the steady rate is zero). */
  public double burstFactor() {
    return CostFormulas.burstFactor(steadyRps, peakRps);
  }
}
