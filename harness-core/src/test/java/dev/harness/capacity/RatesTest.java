package dev.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatesTest {
  @Test
  void ratesHaveFourSignificantDigitsAndNoTrailingZerosAfterThePoint() {
    assertThat(Rates.label(12.5)).isEqualTo("12.5");
    assertThat(Rates.label(120)).isEqualTo("120");
    assertThat(Rates.label(1289.9)).isEqualTo("1290");
    assertThat(Rates.label(1400)).isEqualTo("1400");
    assertThat(Rates.label(15000)).isEqualTo("15000");
    assertThat(Rates.label(0.123456)).isEqualTo("0.1235");
    assertThat(Rates.label(76.65)).isEqualTo("76.65");
  }
}
