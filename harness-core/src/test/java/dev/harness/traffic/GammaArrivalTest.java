package dev.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GammaArrivalTest extends ArrivalContractTest {

  private static final double CV = 1.5;

  @Override
  Arrival arrival() {
    return Arrival.gamma(CV);
  }

  /**
   * A renewal count over load L has variance ≈ cv²·L; four of those standard deviations, plus the
   * (cv² − 1)/2 offset of a process that starts with a full gap.
   */
  @Override
  double countTolerance(double expected) {
    return 4 * CV * Math.sqrt(expected) + 2;
  }

  @ParameterizedTest(name = "cv {0}")
  @ValueSource(doubles = {0.5, 2.0})
  void gapsHaveTheRequestedMeanAndCoefficientOfVariation(double cv) {
    double rate = 1000;
    double[] gaps = PoissonArrivalTest.gapsInSeconds(Arrival.gamma(cv), rate, 50);
    double mean = Arrays.stream(gaps).average().orElseThrow();
    double variance =
        Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / (gaps.length - 1);

    assertThat(gaps.length).isGreaterThan(40_000);
    assertThat(mean * rate).as("mean gap × rate").isCloseTo(1.0, within(0.04));
    assertThat(Math.sqrt(variance) / mean).as("cv").isCloseTo(cv, within(0.05 * cv));
  }
}
