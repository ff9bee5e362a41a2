package dev.harness.cost;

/**
 * A fleet sized for declared traffic at one capacity per instance.
 *
 * <p>steady = max(min, ⌈steady rps × growth ÷ R⌉ + k); peak likewise with the peak rate; monthly
 * cost = price × (steady × (24 − peak hours) + peak × peak hours) × 30.4 ({@link CostFormulas}).
 *
 * @param rpsPerInstance the capacity R the fleet was sized with
 * @param pricePerHour price of one instance, $/h
 * @param steadyInstances instances outside the peak
 * @param peakInstances instances during the peak
 * @param steadyCostPerHour steady instances × price
 * @param peakCostPerHour peak instances × price
 * @param monthlyCost the month's cost, $
 */
public record Fleet(
    double rpsPerInstance,
    double pricePerHour,
    int steadyInstances,
    int peakInstances,
    double steadyCostPerHour,
    double peakCostPerHour,
    double monthlyCost) {
  public Fleet {
    CostFormulas.requirePositive("capacity (requests/s per instance)", rpsPerInstance);
    CostFormulas.requirePositive("price ($/h)", pricePerHour);
    if (steadyInstances < 0 || peakInstances < steadyInstances) {
      throw new IllegalArgumentException("a fleet needs 0 <= steady <= peak instances, got "
          + steadyInstances + " and " + peakInstances);
    }
  }

  /** Sizes the fleet for {@code traffic} at {@code rpsPerInstance} and prices it. */
  public static Fleet size(Traffic traffic, double rpsPerInstance, double pricePerHour) {
    int steady = CostFormulas.instances(traffic.steadyRps(), traffic.growth(), rpsPerInstance,
        traffic.redundancy(), traffic.minInstances());
    int peak = CostFormulas.instances(traffic.peakRps(), traffic.growth(), rpsPerInstance,
        traffic.redundancy(), traffic.minInstances());
    return new Fleet(
        rpsPerInstance,
        pricePerHour,
        steady,
        peak,
        CostFormulas.hourlyCost(steady, pricePerHour),
        CostFormulas.hourlyCost(peak, pricePerHour),
        CostFormulas.monthlyCost(pricePerHour, steady, peak, traffic.peakHoursPerDay()));
  }
}
