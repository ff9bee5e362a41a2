package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.record.LatencySummary;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void plainNumbersKeepEveryDigitAndNeverUseAnExponent() {
    assertThat(Formats.plain(35.29328721677137)).isEqualTo("35.29328721677137");
    assertThat(Formats.plain(1e-7)).isEqualTo("0.0000001");
    assertThat(Formats.plain(12345678.0)).isEqualTo("12345678");
    assertThat(Formats.plain(100.0)).isEqualTo("100");
    assertThat(Formats.plain(-0.5)).isEqualTo("-0.5");
    assertThat(Formats.plain(0.0)).isEqualTo("0");
  }

  @Test
  void missingAndNonFiniteNumbersAreEmpty() {
    assertThat(Formats.plain(null)).isEmpty();
    assertThat(Formats.plain(Double.NaN)).isEmpty();
    assertThat(Formats.plain(Double.POSITIVE_INFINITY)).isEmpty();
  }

  @Test
  void humanNumbersRoundToAboutThreeFigures() {
    assertThat(Formats.rate(35.29)).isEqualTo("35.3");
    assertThat(Formats.rate(1234.5)).isEqualTo("1235");
    assertThat(Formats.millis(9.527)).isEqualTo("9.53");
    assertThat(Formats.millis(26.54)).isEqualTo("26.5");
    assertThat(Formats.millis(5722.1)).isEqualTo("5722");
    assertThat(Formats.percent(0.001)).isEqualTo("0.1%");
    assertThat(Formats.percent(0.010000000000000009)).isEqualTo("1%");
    assertThat(Formats.percent(0.3333)).isEqualTo("33.33%");
  }

  @Test
  void percentilesAmongTimeoutsReadAsAtLeastTheTimeout() {
    LatencySummary l = new LatencySummary(10, 1, 5, 9, 2000, 2000, 2000, 2000, 2000);

    assertThat(Formats.millis(l, "p90")).isEqualTo("9.00");
    assertThat(Formats.millis(l, "p99")).isEqualTo("≥2000");
    assertThat(Formats.millis(null, "p99")).isEqualTo("-");
    assertThat(Formats.millis(LatencySummary.EMPTY, "p99")).isEqualTo("-");
  }
}
