package dev.harness.cost;

/**
 * Autoscaling bounds for the chosen fleet and what they rest on.
 *
 * <p>min = the steady fleet at the point estimate: max(minimum, ⌈steady × growth ÷ R⌉ + k). max =
 * the peak fleet at the capacity the measurement confirms (the bracket's low end, never fewer than
 * the peak fleet at the point estimate): max(minimum, ⌈peak × growth ÷ R_low⌉ + k).
 *
 * @param min instances to keep at least
 * @param max instances to allow at most
 * @param redundancy k of N+k in both bounds
 * @param burstFactor peak ÷ steady of the declared traffic
 * @param growth growth multiplier in both bounds
 * @param minSizedAtRps capacity per instance the minimum was sized with (point estimate)
 * @param maxSizedAtRps capacity per instance the maximum was sized with (bracket's low end)
 */
public record AutoscalingBounds(
    int min,
    int max,
    int redundancy,
    double burstFactor,
    double growth,
    double minSizedAtRps,
    double maxSizedAtRps) {
  public AutoscalingBounds {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException(
          "autoscaling bounds need 1 <= min <= max, got " + min + " and " + max);
    }
  }

  /** Bounds for the fleet of {@code chosen} under {@code traffic}. */
  static AutoscalingBounds of(RankedCandidate chosen, Traffic traffic) {
    double low = chosen.candidate().capacity().lowRps();
    int maxAtLow = CostFormulas.instances(traffic.peakRps(), traffic.growth(), low,
        traffic.redundancy(), traffic.minInstances());
    return new AutoscalingBounds(
        chosen.fleet().steadyInstances(),
        Math.max(chosen.fleet().peakInstances(), maxAtLow),
        traffic.redundancy(),
        traffic.burstFactor(),
        traffic.growth(),
        chosen.rpsPerInstance(),
        low);
  }
}
