package dev.harness.run;

import dev.harness.config.PlatformKind;
import dev.harness.config.TrafficSpec;
import dev.harness.cost.CostFormulas;
import dev.harness.cost.Platform;
import dev.harness.cost.Traffic;

/**
 * A recommend plan's traffic and platform, as the plan states them (config), turned into the cost
 * model's types. The plan's {@code growth} is one period of growth: multiplier (1 + g)^1 ({@link
 * CostFormulas#growth}).
 */
final class CostInputs {
  private CostInputs() {}

  /** The traffic fleets are sized for. */
  static Traffic traffic(TrafficSpec t) {
    return new Traffic(t.steadyRps(), t.peakRps(), t.peakHoursPerDay(),
        CostFormulas.growth(t.growthFraction(), 1), t.minInstances(), t.redundancy());
  }

  /** The platform whose catalog price applies. */
  static Platform platform(PlatformKind p) {
    switch (p) {
      case EC2:
        return Platform.EC2;
      case SAGEMAKER:
        return Platform.SAGEMAKER;
      default:
        throw new IllegalArgumentException("no price platform for " + p);
    }
  }
}
