package dev.harness.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTest {
  private static final Tolerances T = Tolerances.DEFAULT;

  @Test
  void aLatencyRiseBeyondTheAllowanceFailsWithTheNumbersInItsMessage() {
    // median 41, spread 2 ms = 4.88 %: allowed 9.76 %; 48.5 / 41 = +18.3 %
    Check c = Check.judge(Quantity.P99_E2E, 120.0, List.of(40.0, 41.0, 42.0), 48.5, T);

    assertThat(c.passed()).isFalse();
    assertThat(c.name()).isEqualTo("p99 e2e at 120 req/s");
    assertThat(c.baseline()).isEqualTo(41.0);
    assertThat(c.bound()).isCloseTo(41 * (1 + 4 / 41.0), within(1e-9));
    assertThat(c.message()).isEqualTo(
        "p99 e2e at 120 req/s rose 18.3 % > allowed 9.8 % (baseline 41.0 ms, current 48.5 ms)");
  }

  @Test
  void aLatencyRiseWithinTheAllowanceHolds() {
    Check c = Check.judge(Quantity.P99_E2E, 120.0, List.of(40.0, 41.0, 42.0), 44.5, T);

    assertThat(c.passed()).isTrue();
    assertThat(c.change()).isCloseTo(44.5 / 41 - 1, within(1e-12));
    assertThat(c.message()).startsWith("p99 e2e at 120 req/s +8.5 % within allowed +9.8 %");
  }

  @Test
  void aLatencyFallIsNoRegression() {
    assertThat(Check.judge(Quantity.P99_TTFT, 50.0, List.of(400.0), 100.0, T).passed()).isTrue();
    assertThat(Check.judge(Quantity.P99_ITL, 50.0, List.of(40.0), 42.5, T).passed()).isFalse();
  }

  @Test
  void aSustainableRateDropBeyondTheFloorFailsAndARiseHolds() {
    Check drop = Check.judge(Quantity.SUSTAINABLE_RATE, null, List.of(375.0), 340.0, T);
    Check rise = Check.judge(Quantity.SUSTAINABLE_RATE, null, List.of(375.0), 420.0, T);
    Check slight = Check.judge(Quantity.SUSTAINABLE_RATE, null, List.of(375.0), 360.0, T);

    assertThat(drop.passed()).isFalse();
    assertThat(drop.name()).isEqualTo("sustainable rate");
    assertThat(drop.message()).isEqualTo("sustainable rate fell 9.3 % > allowed 5.0 % "
        + "(baseline 375 req/s, current 340 req/s)");
    assertThat(rise.passed()).isTrue();
    assertThat(slight.passed()).isTrue();
    assertThat(drop.allowedText()).isEqualTo("-5.0 %");
  }

  @Test
  void theErrorRateIsJudgedInPercentagePoints() {
    Check within = Check.judge(Quantity.ERROR_RATE, 200.0, List.of(0.001), 0.0055, T);
    Check over = Check.judge(Quantity.ERROR_RATE, 200.0, List.of(0.001), 0.0125, T);

    assertThat(within.passed()).isTrue();
    assertThat(over.passed()).isFalse();
    assertThat(over.message()).isEqualTo("error rate at 200 req/s rose 1.15 pp > allowed 0.50 pp "
        + "(baseline 0.10 %, current 1.25 %)");
  }

  @Test
  void anErrorRateRiseFromZeroIsJudgedToo() {
    Check c = Check.judge(Quantity.ERROR_RATE, 200.0, List.of(0.0, 0.0), 0.02, T);

    assertThat(c.passed()).isFalse();
    assertThat(c.change()).isEqualTo(0.02);
  }

  @Test
  void aThroughputShortfallFails() {
    Check c = Check.judge(Quantity.ACHIEVED_SHARE, 300.0, List.of(0.99, 1.0, 1.01), 0.9, T);

    assertThat(c.passed()).isFalse();
    assertThat(c.message()).contains("fell 10.0 % > allowed 5.0 %");
  }

  @Test
  void aFleetCostRiseFails() {
    Check c = Check.judge(Quantity.FLEET_COST, null, List.of(1000.0, 1010.0), 1200.0, T);

    assertThat(c.passed()).isFalse();
    assertThat(c.message()).contains("(baseline $1005/month").contains("current $1200/month");
  }

  @Test
  void noCurrentValueIsAFailedCheck() {
    Check c = Check.judge(Quantity.SUSTAINABLE_RATE, null, List.of(375.0), null, T);

    assertThat(c.passed()).isFalse();
    assertThat(Double.isNaN(c.change())).isTrue();
    assertThat(c.message())
        .isEqualTo("sustainable rate: no value in the current run (baseline 375 req/s)");
  }
}
