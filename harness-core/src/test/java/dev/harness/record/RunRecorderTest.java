package dev.harness.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RunRecorderTest {

  @Test
  void valuesAboveTheHighestTrackableAreClampedToIt() {
    RunRecorder recorder = new RunRecorder(1, 1_000_000L);

    recorder.record(0, Metric.E2E, 5_000_000_000L); // 5 s, above the 1 s limit
    recorder.record(0, Metric.E2E, Long.MAX_VALUE);
    recorder.swapInterval();

    Histogram total = recorder.total(0, Metric.E2E);
    assertThat(total.getTotalCount()).isEqualTo(2);
    assertThat(total.getMaxValue()).isEqualTo(total.highestEquivalentValue(1_000_000L));
    assertThat(total.getMinValue()).isEqualTo(total.lowestEquivalentValue(1_000_000L));
  }

  @Test
  void nanosAreRoundedToMicrosecondsAndNeverBelowOne() {
    RunRecorder recorder = new RunRecorder(1, 1_000_000L);

    recorder.record(0, Metric.SCHEDULE_LAG, 0);
    recorder.record(0, Metric.SCHEDULE_LAG, 1_499);
    recorder.record(0, Metric.SCHEDULE_LAG, 1_500);
    recorder.record(0, Metric.SCHEDULE_LAG, 42_400);
    recorder.swapInterval();

    Histogram h = recorder.total(0, Metric.SCHEDULE_LAG);
    assertThat(h.getCountAtValue(1)).isEqualTo(2);
    assertThat(h.getCountAtValue(2)).isEqualTo(1);
    assertThat(h.getCountAtValue(42)).isEqualTo(1);
  }

  @Test
  void totalsOnlyHoldWhatWasSwappedIn() {
    RunRecorder recorder = new RunRecorder(1, 1_000_000L);

    recorder.record(0, Metric.E2E, 1_000_000L);

    assertThat(recorder.total(0, Metric.E2E).getTotalCount()).isZero();
    assertThat(recorder.percentileMillis(0, Metric.E2E, 99)).isZero();
    recorder.swapInterval();
    assertThat(recorder.total(0, Metric.E2E).getTotalCount()).isEqualTo(1);
  }

  @Test
  void intervalsMergeIntoStepTotalsAndEachSwapReturnsOnlyItsInterval() {
    RunRecorder recorder = new RunRecorder(2, 10_000_000L);
    recorder.record(0, Metric.E2E, 2_000_000L);
    recorder.record(0, Metric.E2E, 3_000_000L);
    recorder.record(0, Metric.E2E, 4_000_000L);
    recorder.record(1, Metric.E2E, 8_000_000L);
    recorder.record(1, Metric.E2E, 9_000_000L);

    Map<Metric, Histogram> first = recorder.swapInterval();

    assertThat(first.get(Metric.E2E).getTotalCount()).isEqualTo(5);
    assertThat(first.get(Metric.E2E).getTag()).isEqualTo("e2e");
    assertThat(first.get(Metric.TTFT).getTotalCount()).isZero();
    assertThat(first).containsOnlyKeys(Metric.values());

    recorder.record(0, Metric.E2E, 6_000_000L);
    Map<Metric, Histogram> second = recorder.swapInterval();

    assertThat(second.get(Metric.E2E).getTotalCount()).isEqualTo(1);
    assertThat(recorder.total(0, Metric.E2E).getTotalCount()).isEqualTo(4);
    assertThat(recorder.total(1, Metric.E2E).getTotalCount()).isEqualTo(2);
    Histogram step0 = recorder.total(0, Metric.E2E);
    assertThat(step0.getMaxValue()).isEqualTo(step0.highestEquivalentValue(6_000));
    assertThat(recorder.percentileMillis(1, Metric.E2E, 100)).isCloseTo(9.0, within(0.01));
  }

  @Test
  void aCountRecordsThatManyOccurrencesAndZeroRecordsNone() {
    RunRecorder recorder = new RunRecorder(1, 1_000_000L);

    recorder.record(0, Metric.ITL, 20_000L, 5);
    recorder.record(0, Metric.ITL, 20_000L, 0);
    recorder.record(0, Metric.ITL, 20_000L, -2);
    recorder.swapInterval();

    Histogram h = recorder.total(0, Metric.ITL);
    assertThat(h.getTotalCount()).isEqualTo(5);
    assertThat(h.getCountAtValue(20)).isEqualTo(5);
  }

  @Test
  void totalIsACopyTheCallerMayChange() {
    RunRecorder recorder = new RunRecorder(1, 1_000_000L);
    recorder.record(0, Metric.E2E, 1_000_000L);
    recorder.swapInterval();

    recorder.total(0, Metric.E2E).reset();

    assertThat(recorder.total(0, Metric.E2E).getTotalCount()).isEqualTo(1);
  }

  @Test
  void summaryCarriesTheCensoringValue() {
    RunRecorder recorder = new RunRecorder(1, 10_000_000L);
    recorder.record(0, Metric.E2E, 5_000_000_000L);
    recorder.swapInterval();

    LatencySummary s = recorder.summary(0, Metric.E2E, 5_000_000L);

    assertThat(s.n()).isEqualTo(1);
    assertThat(s.censoredAtMillis()).isEqualTo(5_000.0);
    assertThat(s.isCensored(s.maxMillis())).isTrue();
  }

  @Test
  void invalidSizesAreRejectedNamingTheValue() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RunRecorder(0, 1_000L))
        .withMessageContaining("steps").withMessageContaining("0");
    assertThatIllegalArgumentException().isThrownBy(() -> new RunRecorder(1, 1L))
        .withMessageContaining("highestMicros").withMessageContaining("1");
    RunRecorder ok = new RunRecorder(3, 2_000L);
    assertThat(ok.steps()).isEqualTo(3);
    assertThat(ok.highestMicros()).isEqualTo(2_000L);
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
