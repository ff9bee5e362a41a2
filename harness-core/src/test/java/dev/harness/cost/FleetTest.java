package dev.harness.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FleetTest {
  @Test
  void steadyAndPeakFleetsAreSizedSeparatelyAndPriced() {
    // steady 1 rps / 2 = 0.5 -> 1 + 1 = 2; peak 5 rps / 2 = 2.5 -> 3 + 1 = 4
    Traffic t = new Traffic(1, 5, 6, 1, 1, 1);
    Fleet f = Fleet.size(t, 2, 1.5);
    assertThat(f.steadyInstances()).isEqualTo(2);
    assertThat(f.peakInstances()).isEqualTo(4);
    assertThat(f.steadyCostPerHour()).isCloseTo(3.0, within(1e-12));
    assertThat(f.peakCostPerHour()).isCloseTo(6.0, within(1e-12));
    // 1.5 x (2 x 18 + 4 x 6) x 30.4 = 1.5 x 60 x 30.4 = 2736
    assertThat(f.monthlyCost()).isCloseTo(2736.0, within(1e-9));
  }

  @Test
  void growthAppliesToSteadyAndPeak() {
    // x1.5: steady 1.5 / 2 -> 1 + 1 = 2; peak 7.5 / 2 = 3.75 -> 4 + 1 = 5
    Fleet f = Fleet.size(new Traffic(1, 5, 6, 1.5, 1, 1), 2, 1);
    assertThat(f.steadyInstances()).isEqualTo(2);
    assertThat(f.peakInstances()).isEqualTo(5);
  }

  @Test
  void theMinimumHoldsAtSteadyAndPeak() {
    Fleet f = Fleet.size(new Traffic(0.1, 0.2, 8, 1, 4, 0), 10, 1);
    assertThat(f.steadyInstances()).isEqualTo(4);
    assertThat(f.peakInstances()).isEqualTo(4);
  }

  @Test
  void trafficRejectsAPeakBelowTheSteadyRate() {
    assertThatThrownBy(() -> new Traffic(5, 4, 8, 1, 1, 1))
        .hasMessageContaining("peak rate must be at least the steady rate, got peak 4 < steady 5");
    assertThatThrownBy(() -> new Traffic(1, 4, 8, 1, 0, 1))
        .hasMessageContaining("minimum instances must be >= 1, got 0");
    assertThatThrownBy(() -> new Traffic(1, 4, -1, 1, 1, 1))
        .hasMessageContaining("peak hours per day must be from 0 to 24, got -1");
  }

  @Test
  void annualGrowthCompounds() {
    Traffic t = Traffic.of(1, 2, 8).withAnnualGrowth(0.2, 2);
    assertThat(t.growth()).isCloseTo(1.44, within(1e-12));
    assertThat(t.burstFactor()).isCloseTo(2.0, within(1e-12));
  }
}
