package dev.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

  @Test
  void quantilesMatchTheTable() {
    // t-table, one-sided 0.95: df 4 → 2.132, df 9 → 1.833, df 19 → 1.729
    assertThat(StudentT.quantile(0.95, 4)).isCloseTo(2.1318, within(1e-4));
    assertThat(StudentT.quantile(0.95, 9)).isCloseTo(1.8331, within(1e-4));
    assertThat(StudentT.quantile(0.95, 19)).isCloseTo(1.7291, within(1e-4));
    assertThat(StudentT.quantile(0.975, 4)).isCloseTo(2.7764, within(1e-4));
  }

  @Test
  void oneDegreeOfFreedomIsCauchy() {
    // Cauchy: F(t) = 1/2 + atan(t)/π  ⇒  t = tan(π (p − 1/2))
    assertThat(StudentT.quantile(0.9, 1)).isCloseTo(Math.tan(Math.PI * 0.4), within(1e-8));
    assertThat(StudentT.cdf(1, 1)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void distributionIsSymmetric() {
    assertThat(StudentT.cdf(0, 7)).isCloseTo(0.5, within(1e-12));
    assertThat(StudentT.quantile(0.05, 9)).isCloseTo(-StudentT.quantile(0.95, 9), within(1e-10));
    assertThat(StudentT.cdf(-1.3, 5) + StudentT.cdf(1.3, 5)).isCloseTo(1, within(1e-12));
  }

  @Test
  void manyDegreesOfFreedomApproachTheNormal() {
    assertThat(StudentT.quantile(0.95, 100_000)).isCloseTo(1.644854, within(1e-4));
  }

  @Test
  void logGammaMatchesFactorials() {
    assertThat(Beta.logGamma(1)).isCloseTo(0, within(1e-13));
    assertThat(Beta.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
    assertThat(Beta.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
    assertThat(Beta.logGamma(30)).isCloseTo(logFactorial(29), within(1e-10));
  }

  @Test
  void incompleteBetaHasItsClosedForms() {
    // I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a
    assertThat(Beta.regularized(0.3, 1, 4)).isCloseTo(1 - Math.pow(0.7, 4), within(1e-12));
    assertThat(Beta.regularized(0.8, 3, 1)).isCloseTo(Math.pow(0.8, 3), within(1e-12));
    assertThat(Beta.regularized(0.5, 6, 6)).isCloseTo(0.5, within(1e-12));
  }

  private static double logFactorial(int n) {
    double sum = 0;
    for (int i = 2; i <= n; i++) {
      sum += Math.log(i);
    }
    return sum;
  }
}
