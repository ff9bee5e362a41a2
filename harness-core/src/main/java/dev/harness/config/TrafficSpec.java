package dev.harness.config;

/**
 * A recommend plan's {@code traffic} section as written (docs/recommend.md): what fleets are sized
 * for. The cost model's own {@code Traffic} is built from it where the run starts, so this
 * package depends on nothing above it.
 *
 * @param steadyRps requests/s outside the peak ({@code steady}, e.g. {@code 80/min})
 * @param peakRps requests/s during the peak, at least the steady rate ({@code peak}; the steady
 *     rate when absent)
 * @param peakHoursPerDay hours a day at the peak, 0 to 24 ({@code peak-hours-per-day})
 * @param growthFraction extra traffic to size for, as a fraction ({@code growth}: 0.3 for 30 %
 *     more; 0 for none); above -1
 * @param minInstances the fewest instances ever run, at least 1 ({@code min-instances})
 * @param redundancy k of N+k, instances kept beyond what the load needs ({@code redundancy})
 */
public record TrafficSpec(
    double steadyRps,
    double peakRps,
    double peakHoursPerDay,
    double growthFraction,
    int minInstances,
    int redundancy) {
  public TrafficSpec {
    if (!(steadyRps >= 0) || Double.isInfinite(steadyRps)) {
      throw new IllegalArgumentException("traffic.steady must be >= 0 requests/s, got "
          + steadyRps);
    }
    if (!(peakRps > 0) || Double.isInfinite(peakRps) || peakRps < steadyRps) {
      throw new IllegalArgumentException("traffic.peak must be > 0 and at least the steady rate ("
          + steadyRps + " requests/s), got " + peakRps);
    }
    if (!(peakHoursPerDay >= 0 && peakHoursPerDay <= 24)) {
      throw new IllegalArgumentException("traffic.peak-hours-per-day must be from 0 to 24, got "
          + peakHoursPerDay);
    }
    if (!(growthFraction > -1) || Double.isInfinite(growthFraction)) {
      throw new IllegalArgumentException("traffic.growth must be a fraction > -1, got "
          + growthFraction);
    }
    if (minInstances < 1) {
      throw new IllegalArgumentException("traffic.min-instances must be >= 1, got "
          + minInstances);
    }
    if (redundancy < 0) {
      throw new IllegalArgumentException("traffic.redundancy must be >= 0, got " + redundancy);
    }
  }
}
