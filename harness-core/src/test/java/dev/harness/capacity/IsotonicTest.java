package dev.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IsotonicTest {

  @Test
  void monotoneInputIsUnchanged() {
    double[] y = {0.0, 0.001, 0.001, 0.02, 0.3};
    assertThat(Isotonic.increasing(y, new double[] {100, 200, 300, 400, 500})).containsExactly(y);
  }

  @Test
  void aViolatorIsPooledToTheWeightedMean() {
    double[] fit = Isotonic.increasing(new double[] {0.01, 0.05, 0.02, 0.08},
        new double[] {100, 100, 300, 100});
    double pooled = (0.05 * 100 + 0.02 * 300) / 400;
    assertThat(fit).containsExactly(new double[] {0.01, pooled, pooled, 0.08}, within(1e-15));
  }

  @Test
  void poolingCascadesBackwards() {
    // 3, 4 then 0: the pool {4, 0} = 2 falls below 3, so all three pool to 7/3.
    double[] fit = Isotonic.increasing(new double[] {3, 4, 0, 5}, null);
    assertThat(fit).containsExactly(new double[] {7 / 3.0, 7 / 3.0, 7 / 3.0, 5}, within(1e-12));
  }

  @Test
  void fitIsNonDecreasingAndKeepsTheWeightedSum() {
    double[] y = {0.3, 0.1, 0.4, 0.1, 0.5, 0.9, 0.2, 0.6};
    double[] w = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] fit = Isotonic.increasing(y, w);
    double sumY = 0;
    double sumFit = 0;
    for (int i = 0; i < y.length; i++) {
      if (i > 0) {
        assertThat(fit[i]).isGreaterThanOrEqualTo(fit[i - 1]);
      }
      sumY += w[i] * y[i];
      sumFit += w[i] * fit[i];
    }
    assertThat(sumFit).isCloseTo(sumY, within(1e-12));
  }

  @Test
  void zeroWeightPointsTakeTheirPoolsValue() {
    double[] fit = Isotonic.increasing(new double[] {0.5, 0.1, 0.2}, new double[] {0, 10, 0});
    assertThat(fit).containsExactly(new double[] {0.1, 0.1, 0.2}, within(1e-15));
  }

  @Test
  void crossingInterpolatesBetweenTheSurroundingPoints() {
    double[] rate = {10, 20, 30, 40};
    double[] share = {0.0, 0.004, 0.014, 0.05};
    // 0.01 lies 0.6 of the way from 0.004 to 0.014
    assertThat(Isotonic.crossing(rate, share, 0.01)).isCloseTo(26, within(1e-9));
    assertThat(Isotonic.crossing(rate, share, 0.014)).isCloseTo(30, within(1e-9));
  }

  @Test
  void crossingIsNaNWhenTheLevelIsNeverReached() {
    assertThat(Isotonic.crossing(new double[] {1, 2}, new double[] {0.001, 0.002}, 0.01)).isNaN();
    assertThat(Isotonic.crossing(new double[0], new double[0], 0.01)).isNaN();
  }

  @Test
  void crossingIsTheFirstXWhenAlreadyAtTheLevel() {
    assertThat(Isotonic.crossing(new double[] {5, 10}, new double[] {0.02, 0.03}, 0.01))
        .isEqualTo(5);
    assertThat(Isotonic.crossing(new double[] {5, 10}, new double[] {0.01, 0.03}, 0.01))
        .isEqualTo(5);
  }

  @Test
  void rejectsMismatchedLengthsAndBadWeights() {
    assertThatThrownBy(() -> Isotonic.increasing(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 weights for 2 values");
    assertThatThrownBy(() -> Isotonic.increasing(new double[] {1, 2}, new double[] {1, -1}))
        .hasMessageContaining("weights[1]");
    assertThatThrownBy(() -> Isotonic.crossing(new double[] {1}, new double[] {1, 2}, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
