package dev.harness.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TolerancesTest {

  @Test
  void withOneBaselineTheFloorIsTheTolerance() {
    assertThat(Tolerances.DEFAULT.allowed(Quantity.P99_E2E, List.of(41.0))).isEqualTo(0.05);
    assertThat(Tolerances.DEFAULT.allowed(Quantity.ERROR_RATE, List.of(0.02))).isEqualTo(0.005);
  }

  @Test
  void twiceTheRelativeSpreadAroundTheMedianWhenThatIsWiderThanTheFloor() {
    // median 42, spread 44 − 40 = 4, i.e. 9.52 % of the median: twice that is allowed
    double allowed = Tolerances.DEFAULT.allowed(Quantity.P99_E2E, List.of(40.0, 44.0, 42.0));

    assertThat(allowed).isCloseTo(2 * 4 / 42.0, within(1e-12));
  }

  @Test
  void aNarrowSpreadNeverGoesBelowTheFloor() {
    double allowed = Tolerances.DEFAULT.allowed(Quantity.SUSTAINABLE_RATE,
        List.of(100.0, 101.0, 100.5));

    assertThat(allowed).isEqualTo(0.05);
  }

  @Test
  void theErrorRateSpreadIsAbsolute() {
    // 0.2 % to 0.8 %: a spread of 0.6 pp, twice is 1.2 pp
    double allowed = Tolerances.DEFAULT.allowed(Quantity.ERROR_RATE, List.of(0.002, 0.008));

    assertThat(allowed).isCloseTo(0.012, within(1e-12));
  }

  @Test
  void theSpreadFactorScalesTheAllowance() {
    Tolerances three = new Tolerances(0.05, 0.005, 3);

    assertThat(three.allowed(Quantity.P99_E2E, List.of(90.0, 110.0)))
        .isCloseTo(3 * 20 / 100.0, within(1e-12));
  }

  @Test
  void aFallIsNeverAllowedBeyondAllOfTheBaseline() {
    // baselines 200 and 400 req/s: the spread is 67 % of the median, twice that is 133 %
    assertThat(Tolerances.DEFAULT.allowed(Quantity.SUSTAINABLE_RATE, List.of(200.0, 400.0)))
        .isEqualTo(1.0);
    assertThat(Tolerances.DEFAULT.allowed(Quantity.P99_E2E, List.of(200.0, 400.0)))
        .isCloseTo(2 * 200 / 300.0, within(1e-12));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Tolerances.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(Tolerances.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
  }

  @Test
  void badFloorsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> Tolerances.DEFAULT.withRelativeFloor(-0.01))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0 %");
    assertThatThrownBy(() -> Tolerances.DEFAULT.withErrorRateFloor(2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200");
    assertThatThrownBy(() -> new Tolerances(0.05, 0.005, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.5");
  }
}
