package dev.harness.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CostFormulasTest {
  private static final org.assertj.core.data.Offset<Double> CENT = within(1e-9);

  @Test
  void hourlyCostIsInstancesTimesPrice() {
    // 3 instances x $1.515/h = $4.545/h
    assertThat(CostFormulas.hourlyCost(3, 1.515)).isCloseTo(4.545, CENT);
    assertThat(CostFormulas.hourlyCost(0, 1.515)).isZero();
  }

  @Test
  void costPerThousandInferencesDividesThePriceByAnHoursRequests() {
    // $1.515/h at 140 rpm = 2.3333 rps: one hour serves 3600 x 2.3333 = 8400 requests;
    // 1.515 / 8400 x 1000 = $0.180357 per 1,000
    assertThat(CostFormulas.costPer1kInferences(1.515, 140.0 / 60))
        .isCloseTo(0.18035714285714285, CENT);
    // $3.60/h at 1 rps: 3600 requests an hour, $0.001 each, $1 per 1,000
    assertThat(CostFormulas.costPer1kInferences(3.6, 1)).isCloseTo(1.0, CENT);
  }

  @Test
  void costPerMillionTokensDividesThePriceByAnHoursTokens() {
    // $2.03/h at 1,000 tokens/s: 3.6M tokens an hour; 2.03 / 3.6 = $0.563889 per 1M
    assertThat(CostFormulas.costPer1MOutputTokens(2.03, 1000)).isCloseTo(0.5638888888888889, CENT);
  }

  @Test
  void capacityIsSplitPerCopyAndPerGpu() {
    // 9 rps on 4 copies = 2.25 per copy; with 2 GPUs per copy, 8 GPUs: 1.125 per GPU
    assertThat(CostFormulas.perCopy(9, 4)).isCloseTo(2.25, CENT);
    assertThat(CostFormulas.perGpu(9, 4, 2)).isCloseTo(1.125, CENT);
    assertThatThrownBy(() -> CostFormulas.perGpu(9, 4, 0))
        .hasMessageContaining("GPUs per copy must be >= 1, got 0");
  }

  @Test
  void instancesRoundUpAndAddRedundancy() {
    // 4.1667 rps / 2.3333 per instance = 1.79 -> 2, + 1 (N+1) = 3
    assertThat(CostFormulas.instances(250.0 / 60, 1, 140.0 / 60, 1, 1)).isEqualTo(3);
    // without redundancy: 2
    assertThat(CostFormulas.instances(250.0 / 60, 1, 140.0 / 60, 0, 1)).isEqualTo(2);
  }

  @Test
  void instancesNeverFallBelowTheMinimum() {
    // 0.1 rps / 10 per instance = 0.01 -> 1, + 0 = 1, but the minimum is 3
    assertThat(CostFormulas.instances(0.1, 1, 10, 0, 3)).isEqualTo(3);
    // no load at all: redundancy only, then the minimum
    assertThat(CostFormulas.instances(0, 1, 10, 1, 1)).isEqualTo(1);
    assertThat(CostFormulas.instances(0, 1, 10, 2, 1)).isEqualTo(2);
  }

  @Test
  void anExactMultipleOfTheCapacityNeedsNoExtraInstance() {
    // 0.7 x 3 = 2.0999999999999996 in binary; / 0.7 = 3.0000000000000004 without the tolerance
    assertThat(2.1 / 0.7).isGreaterThan(3.0);
    assertThat(CostFormulas.instances(2.1, 1, 0.7, 0, 1)).isEqualTo(3);
    // 6 rps / 2 per instance = exactly 3
    assertThat(CostFormulas.instances(6, 1, 2, 0, 1)).isEqualTo(3);
    // and just above a multiple still rounds up: 6.01 / 2 = 3.005 -> 4
    assertThat(CostFormulas.instances(6.01, 1, 2, 0, 1)).isEqualTo(4);
  }

  @Test
  void growthMultipliesTheLoad() {
    // 4 rps x 1.3 = 5.2 / 2 = 2.6 -> 3 (without growth: 2)
    assertThat(CostFormulas.instances(4, 1.3, 2, 0, 1)).isEqualTo(3);
    assertThat(CostFormulas.instances(4, 1, 2, 0, 1)).isEqualTo(2);
    // 30 % a year for two years: 1.3^2 = 1.69
    assertThat(CostFormulas.growth(0.3, 2)).isCloseTo(1.69, CENT);
    assertThat(CostFormulas.growth(0.3, 0)).isCloseTo(1.0, CENT);
  }

  @Test
  void monthlyCostWeighsSteadyAndPeakHours() {
    // $1.515 x (2 x 16 h + 3 x 8 h) x 30.4 = 1.515 x 56 x 30.4 = $2,579.136
    assertThat(CostFormulas.monthlyCost(1.515, 2, 3, 8)).isCloseTo(2579.136, CENT);
  }

  @Test
  void monthlyCostWithNoPeakHoursUsesTheSteadyFleetAllDay() {
    // $2 x 2 x 24 x 30.4 = $2,918.40; the peak fleet (5) does not count
    assertThat(CostFormulas.monthlyCost(2, 2, 5, 0)).isCloseTo(2918.4, CENT);
  }

  @Test
  void monthlyCostWithPeakAllDayUsesThePeakFleetAllDay() {
    // $2 x 5 x 24 x 30.4 = $7,296; the steady fleet (2) does not count
    assertThat(CostFormulas.monthlyCost(2, 2, 5, 24)).isCloseTo(7296.0, CENT);
  }

  @Test
  void aMonthIsThirtyPointFourDays() {
    // one instance at $1/h all month: 24 x 30.4 = 729.6 h
    assertThat(CostFormulas.monthlyCost(1, 1, 1, 8)).isCloseTo(729.6, CENT);
  }

  @Test
  void badInputsAreRejectedWithTheirValue() {
    assertThatThrownBy(() -> CostFormulas.costPer1kInferences(1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    assertThatThrownBy(() -> CostFormulas.monthlyCost(1, 1, 1, 25))
        .hasMessageContaining("peak hours per day must be from 0 to 24, got 25");
    assertThatThrownBy(() -> CostFormulas.hourlyCost(1, -2))
        .hasMessageContaining("price ($/h) must be > 0, got -2");
    assertThatThrownBy(() -> CostFormulas.growth(-1.5, 1)).hasMessageContaining("-1.5");
  }
}
