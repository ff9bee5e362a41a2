package dev.harness.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrafficSpecTest {
  @Test
  void aPeakBelowTheSteadyRateIsRefusedNamingBothRates() {
    assertThatThrownBy(() -> new TrafficSpec(3, 2, 8, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("traffic.peak")
        .hasMessageContaining("3.0 requests/s")
        .hasMessageContaining("got 2.0");
  }

  @Test
  void growthOfMinusOneOrLessIsRefused() {
    assertThatThrownBy(() -> new TrafficSpec(1, 2, 8, -1, 1, 1))
        .hasMessageContaining("traffic.growth").hasMessageContaining("-1");
  }

  @Test
  void peakHoursOutsideADayAreRefused() {
    assertThatThrownBy(() -> new TrafficSpec(1, 2, 25, 0, 1, 1))
        .hasMessageContaining("peak-hours-per-day").hasMessageContaining("25");
  }
}
