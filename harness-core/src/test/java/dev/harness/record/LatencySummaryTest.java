package dev.harness.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Offset.offset;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
  private static final long TIMEOUT_MICROS = 2_000_000L; // 2 s

  /** 97 fast requests at 10 ms and 3 timeouts recorded at the timeout, in microseconds. */
  private static Histogram withTimeouts() {
    Histogram h = new Histogram(1, 10_000_000L, 3);
    h.recordValueWithCount(10_000, 97);
    h.recordValueWithCount(TIMEOUT_MICROS, 3);
    return h;
  }

  @Test
  void percentilesAmongTimeoutsAreCensoredAndTheOthersAreNot() {
    LatencySummary s = LatencySummary.of(withTimeouts(), TIMEOUT_MICROS);

    assertThat(s.n()).isEqualTo(100);
    assertThat(s.censoredAtMillis()).isEqualTo(2_000.0);
    assertThat(s.p50Millis()).isCloseTo(10.0, offset(0.01));
    assertThat(s.p95Millis()).isCloseTo(10.0, offset(0.01));
    assertThat(s.isCensored(s.p50Millis())).isFalse();
    assertThat(s.isCensored(s.p95Millis())).isFalse();
    assertThat(s.p99Millis()).isCloseTo(2_000.0, offset(2.0));
    assertThat(s.isCensored(s.p99Millis())).isTrue();
    assertThat(s.isCensored(s.maxMillis())).isTrue();
  }

  @Test
  void aValueJustBelowTheTimeoutResolutionIsStillCensored() {
    LatencySummary s = LatencySummary.of(withTimeouts(), TIMEOUT_MICROS);

    assertThat(s.isCensored(1_998.5)).isTrue();
    assertThat(s.isCensored(1_990.0)).isFalse();
  }

  @Test
  void withoutACensoringValueNothingIsCensored() {
    LatencySummary s = LatencySummary.of(withTimeouts(), 0);

    assertThat(s.censoredAtMillis()).isZero();
    assertThat(s.isCensored(s.maxMillis())).isFalse();
    assertThat(s.isCensored(1e12)).isFalse();
  }

  @Test
  void anEmptyHistogramGivesTheEmptySummary() {
    LatencySummary s = LatencySummary.of(new Histogram(1, 1_000, 3), TIMEOUT_MICROS);

    assertThat(s).isEqualTo(LatencySummary.EMPTY);
    assertThat(s.n()).isZero();
    assertThat(s.isCensored(0)).isFalse();
  }

  @Test
  void valuesAreMillisecondsOfMicrosecondRecordings() {
    Histogram h = new Histogram(1, 10_000_000L, 3);
    for (long v = 1; v <= 1000; v++) {
      h.recordValue(v * 1000); // 1 ms .. 1000 ms
    }

    LatencySummary s = LatencySummary.of(h, 0);

    assertThat(s.n()).isEqualTo(1000);
    assertThat(s.meanMillis()).isCloseTo(500.5, offset(0.5));
    assertThat(s.p50Millis()).isCloseTo(500.0, offset(0.5));
    assertThat(s.p90Millis()).isCloseTo(900.0, offset(0.5));
    assertThat(s.p999Millis()).isCloseTo(999.0, offset(0.5));
    assertThat(s.maxMillis()).isCloseTo(1000.0, offset(0.5));
  }

  @Test
  void valueMillisLooksPercentilesUpByName() {
    LatencySummary s = new LatencySummary(10, 1, 2, 3, 4, 5, 6, 7, 0);

    assertThat(s.valueMillis("p50")).isEqualTo(2);
    assertThat(s.valueMillis("p90")).isEqualTo(3);
    assertThat(s.valueMillis("p95")).isEqualTo(4);
    assertThat(s.valueMillis("p99")).isEqualTo(5);
    assertThat(s.valueMillis("p99.9")).isEqualTo(6);
    assertThat(s.valueMillis("max")).isEqualTo(7);
    assertThatIllegalArgumentException().isThrownBy(() -> s.valueMillis("p42"))
        .withMessageContaining("p42");
  }
}
