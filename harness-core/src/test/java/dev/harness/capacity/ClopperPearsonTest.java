package dev.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClopperPearsonTest {

  @Test
  void noEventsGiveTheClosedFormUpperBoundAndZeroLower() {
    // P(X = 0) = (1 - p)^n = 1 - c  ⇒  p = 1 - (1 - c)^(1/n)
    assertThat(ClopperPearson.upper(0, 100, 0.95))
        .isCloseTo(1 - Math.pow(0.05, 1.0 / 100), within(1e-9))
        .isCloseTo(0.0295, within(1e-4));
    assertThat(ClopperPearson.upper(0, 1000, 0.99))
        .isCloseTo(1 - Math.pow(0.01, 1.0 / 1000), within(1e-9));
    assertThat(ClopperPearson.lower(0, 100, 0.95)).isZero();
  }

  @Test
  void allEventsGiveTheClosedFormLowerBoundAndUpperOne() {
    // P(X = n) = p^n = 1 - c  ⇒  p = (1 - c)^(1/n)
    assertThat(ClopperPearson.lower(50, 50, 0.95))
        .isCloseTo(Math.pow(0.05, 1.0 / 50), within(1e-9));
    assertThat(ClopperPearson.upper(50, 50, 0.95)).isEqualTo(1.0);
  }

  @Test
  void noTrialsLeaveTheWholeInterval() {
    assertThat(ClopperPearson.lower(0, 0, 0.95)).isZero();
    assertThat(ClopperPearson.upper(0, 0, 0.95)).isEqualTo(1.0);
  }

  @Test
  void fiveOfAHundredMatchesThePublishedTwoSidedInterval() {
    // Two-sided 95% exact interval for 5/100 is (0.0164, 0.1128): one-sided 97.5% bounds.
    assertThat(ClopperPearson.lower(5, 100, 0.975)).isCloseTo(0.01643, within(1e-5));
    assertThat(ClopperPearson.upper(5, 100, 0.975)).isCloseTo(0.11283, within(1e-5));
  }

  @Test
  void oneSidedBoundsMatchBetaQuantiles() {
    // Beta(k+1, n-k) 0.95-quantile and Beta(k, n-k+1) 0.05-quantile, from statistical tables.
    assertThat(ClopperPearson.upper(5, 100, 0.95)).isCloseTo(0.10225, within(1e-5));
    assertThat(ClopperPearson.lower(5, 100, 0.95)).isCloseTo(0.01991, within(1e-5));
    assertThat(ClopperPearson.upper(100, 10_000, 0.95)).isCloseTo(0.011797, within(1e-6));
    assertThat(ClopperPearson.lower(100, 10_000, 0.95)).isCloseTo(0.008420, within(1e-6));
  }

  @Test
  void lowerBoundMirrorsTheUpperBoundOfTheComplement() {
    long[][] cases = {{3, 20}, {17, 40}, {1, 1000}, {999, 1000}, {250, 500}};
    for (long[] c : cases) {
      long k = c[0];
      long n = c[1];
      assertThat(ClopperPearson.lower(k, n, 0.95))
          .as("k=%d n=%d", k, n)
          .isCloseTo(1 - ClopperPearson.upper(n - k, n, 0.95), within(1e-9));
    }
  }

  @Test
  void boundsSurroundTheObservedShareAndWidenWithConfidence() {
    double share = 30 / 400.0;
    assertThat(ClopperPearson.lower(30, 400, 0.9)).isLessThan(share);
    assertThat(ClopperPearson.upper(30, 400, 0.9)).isGreaterThan(share);
    assertThat(ClopperPearson.upper(30, 400, 0.99))
        .isGreaterThan(ClopperPearson.upper(30, 400, 0.9));
    assertThat(ClopperPearson.lower(30, 400, 0.99))
        .isLessThan(ClopperPearson.lower(30, 400, 0.9));
  }

  @Test
  void largeCohortsConverge() {
    double upper = ClopperPearson.upper(10_000, 1_000_000, 0.95);
    assertThat(upper).isGreaterThan(0.01).isLessThan(0.0102);
  }

  @Test
  void rejectsCountsOutsideTheTrials() {
    assertThatThrownBy(() -> ClopperPearson.upper(5, 4, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k=5");
    assertThatThrownBy(() -> ClopperPearson.lower(1, 10, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence");
  }
}
