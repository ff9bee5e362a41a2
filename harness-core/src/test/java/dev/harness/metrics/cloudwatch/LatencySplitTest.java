package dev.harness.metrics.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencySplitTest {
  @Test
  void theRestOfTheEndToEndTimeIsClientAndNetwork() {
    LatencySplit s = LatencySplit.of(200, 150, 10);
    assertThat(s.clientNetworkMs()).isCloseTo(40, within(1e-9));
    assertThat(s.consistent()).isTrue();
    assertThat(s.modelShare()).isCloseTo(0.75, within(1e-9));
    assertThat(s.overheadShare()).isCloseTo(0.05, within(1e-9));
    assertThat(s.clientNetworkShare()).isCloseTo(0.20, within(1e-9));
  }

  @Test
  void sharesAddUpToOne() {
    LatencySplit s = LatencySplit.of(123.4, 56.7, 8.9);
    assertThat(s.modelShare() + s.overheadShare() + s.clientNetworkShare())
        .isCloseTo(1, within(1e-12));
  }

  @Test
  void serverPartsLongerThanTheClientSawAreFlaggedAndClampedAtZero() {
    LatencySplit s = LatencySplit.of(100, 95, 10);
    assertThat(s.consistent()).isFalse();
    assertThat(s.clientNetworkMs()).isZero();
    assertThat(s.modelShare() + s.overheadShare()).isCloseTo(1, within(1e-12));
    assertThat(s.modelShare()).isCloseTo(95.0 / 105, within(1e-12));
  }

  @Test
  void noTimeAtAllHasNoShares() {
    LatencySplit s = LatencySplit.of(0, 0, 0);
    assertThat(s.modelShare()).isZero();
    assertThat(s.clientNetworkShare()).isZero();
  }

  @Test
  void negativeOrNonFiniteFiguresAreRejectedByName() {
    assertThatThrownBy(() -> LatencySplit.of(-1, 0, 0)).hasMessageContaining("endToEndMs");
    assertThatThrownBy(() -> LatencySplit.of(10, Double.NaN, 0)).hasMessageContaining("modelMs");
    assertThatThrownBy(() -> LatencySplit.of(10, 1, Double.POSITIVE_INFINITY))
        .hasMessageContaining("overheadMs");
  }
}
