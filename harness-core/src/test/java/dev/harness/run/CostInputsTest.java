package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.harness.config.PlatformKind;
import dev.harness.config.TrafficSpec;
import dev.harness.cost.Platform;
import dev.harness.cost.Traffic;
import org.junit.jupiter.api.Test;

class CostInputsTest {
  @Test
  void planTrafficBecomesCostTrafficWithGrowthAsAMultiplier() {
    Traffic t = CostInputs.traffic(new TrafficSpec(80 / 60.0, 250 / 60.0, 10, 0.3, 2, 0));

    assertThat(t.steadyRps()).isEqualTo(80 / 60.0);
    assertThat(t.peakRps()).isEqualTo(250 / 60.0);
    assertThat(t.peakHoursPerDay()).isEqualTo(10);
    assertThat(t.growth()).isCloseTo(1.3, within(1e-12));
    assertThat(t.minInstances()).isEqualTo(2);
    assertThat(t.redundancy()).isZero();
  }

  @Test
  void noGrowthIsAMultiplierOfOne() {
    assertThat(CostInputs.traffic(new TrafficSpec(1, 2, 8, 0, 1, 1)).growth()).isEqualTo(1);
  }

  @Test
  void everyPlanPlatformHasThePricePlatformOfTheSameKey() {
    for (PlatformKind p : PlatformKind.values()) {
      Platform mapped = CostInputs.platform(p);
      assertThat(mapped.key()).isEqualTo(p.key());
    }
  }
}
