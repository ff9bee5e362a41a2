package dev.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepMetricsTest {
  private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");

  private static Series series(String name, Map<String, String> labels, double... values) {
    List<Sample> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new Sample(T0.plusSeconds(i), values[i]));
    }
    return new Series(name, "ratio", labels, points);
  }

  @Test
  void meanMaxLastAndCountCoverTheSamplesInsideTheWindow() {
    // samples at t = 0..5 s; the window [1 s, 4 s) holds t = 1, 2, 3
    Series s = series("gpu_busy", Map.of(), 0.9, 0.2, 0.6, 0.4, 0.8, 0.0);
    StepMetrics m = StepMetrics.summarise(List.of(s), T0.plusSeconds(1), T0.plusSeconds(4));
    StepMetrics.Summary g = m.aggregate("gpu_busy").orElseThrow();
    assertThat(g.count()).isEqualTo(3);
    assertThat(g.mean()).isEqualTo((0.2 + 0.6 + 0.4) / 3);
    assertThat(g.max()).isEqualTo(0.6);
    assertThat(g.last()).isEqualTo(0.4);
  }

  @Test
  void aSampleOnTheBoundaryBelongsToTheStepThatStartsThere() {
    Series s = series("requests_running", Map.of(), 1, 2, 3, 4);
    StepMetrics first = StepMetrics.summarise(List.of(s), T0, T0.plusSeconds(2));
    StepMetrics second = StepMetrics.summarise(List.of(s), T0.plusSeconds(2), T0.plusSeconds(4));
    assertThat(first.aggregate("requests_running").orElseThrow().last()).isEqualTo(2);
    assertThat(second.aggregate("requests_running").orElseThrow().count()).isEqualTo(2);
    assertThat(second.aggregate("requests_running").orElseThrow().mean()).isEqualTo(3.5);
  }

  @Test
  void nonFiniteValuesAreLeftOutAndAnEmptySeriesHasNoSummary() {
    Series s = series("kv_cache_usage", Map.of(), Double.NaN, 0.5, Double.POSITIVE_INFINITY, 0.3);
    Series nothing = series("sm_active", Map.of(), Double.NaN, Double.NaN);
    StepMetrics m = StepMetrics.summarise(List.of(s, nothing), T0, T0.plusSeconds(10));
    StepMetrics.Summary kv = m.aggregate("kv_cache_usage").orElseThrow();
    assertThat(kv.count()).isEqualTo(2);
    assertThat(kv.mean()).isEqualTo(0.4);
    assertThat(kv.max()).isEqualTo(0.5);
    assertThat(kv.last()).isEqualTo(0.3);
    assertThat(m.aggregate("sm_active")).isEmpty();
  }

  @Test
  void asMapFlattensAggregatesFirstThenLabelledSeriesWithSortedLabels() {
    Series perGpu = series("gpu_busy", Map.of("uuid", "GPU-1", "gpu", "0"), 0.5, 0.7);
    Series all = series("gpu_busy", Map.of(), 0.25, 0.75);
    Map<String, Double> m = StepMetrics.summarise(List.of(perGpu, all), T0, T0.plusSeconds(2))
        .asMap();
    assertThat(m.keySet()).containsExactly(
        "gpu_busy.mean", "gpu_busy.max", "gpu_busy.last", "gpu_busy.n",
        "gpu_busy{gpu=\"0\",uuid=\"GPU-1\"}.mean", "gpu_busy{gpu=\"0\",uuid=\"GPU-1\"}.max",
        "gpu_busy{gpu=\"0\",uuid=\"GPU-1\"}.last", "gpu_busy{gpu=\"0\",uuid=\"GPU-1\"}.n");
    assertThat(m).containsEntry("gpu_busy.mean", 0.5).containsEntry("gpu_busy.n", 2.0)
        .containsEntry("gpu_busy{gpu=\"0\",uuid=\"GPU-1\"}.max", 0.7);
  }

  @Test
  void periodAlignmentKeepsOnlyWholeEpochAlignedPeriodsInsideTheStep() {
    // step 12:00:25 .. 12:03:10 with 60 s periods: 12:01:00 .. 12:03:00 (two whole periods)
    Instant from = T0.plusSeconds(25);
    Instant to = T0.plusSeconds(190);
    StepMetrics.Window w =
        StepMetrics.alignToPeriods(from, to, Duration.ofSeconds(60)).orElseThrow();
    assertThat(w.from()).isEqualTo(Instant.parse("2025-01-01T12:01:00Z"));
    assertThat(w.to()).isEqualTo(Instant.parse("2025-01-01T12:03:00Z"));
    assertThat(StepMetrics.wholePeriods(from, to, Duration.ofSeconds(60))).isEqualTo(2);
  }

  @Test
  void aStepAlreadyOnPeriodBoundariesKeepsAllItsPeriods() {
    StepMetrics.Window w = StepMetrics
        .alignToPeriods(T0, T0.plusSeconds(180), Duration.ofSeconds(60)).orElseThrow();
    assertThat(w).isEqualTo(new StepMetrics.Window(T0, T0.plusSeconds(180)));
  }

  @Test
  void aStepShorterThanAWholePeriodHasNoAlignedWindow() {
    // 100 s long but straddling 12:01:00: neither minute lies wholly inside
    Instant from = T0.plusSeconds(10);
    Instant to = T0.plusSeconds(110);
    assertThat(StepMetrics.alignToPeriods(from, to, Duration.ofSeconds(60))).isEmpty();
    assertThat(StepMetrics.wholePeriods(from, to, Duration.ofSeconds(60))).isZero();
    Series s = new Series("gpu_busy", "ratio", Map.of(),
        List.of(new Sample(T0, 0.5), new Sample(T0.plusSeconds(60), 0.7)));
    assertThat(StepMetrics.summarisePeriods(List.of(s), from, to, Duration.ofSeconds(60))
        .summaries()).isEmpty();
  }

  @Test
  void periodDataThatStraddlesAStepBoundaryIsDropped() {
    // one datum per minute stamped at the period's start: 12:00, 12:01, 12:02, 12:03
    Series cw = new Series("gpu_busy", "ratio", Map.of(), List.of(
        new Sample(T0, 0.1), new Sample(T0.plusSeconds(60), 0.5),
        new Sample(T0.plusSeconds(120), 0.7), new Sample(T0.plusSeconds(180), 0.9)));
    // the step 12:00:30 .. 12:03:30 wholly holds only the periods 12:01 and 12:02
    StepMetrics m = StepMetrics.summarisePeriods(
        List.of(cw), T0.plusSeconds(30), T0.plusSeconds(210), Duration.ofSeconds(60));
    StepMetrics.Summary g = m.aggregate("gpu_busy").orElseThrow();
    assertThat(g.count()).isEqualTo(2);
    assertThat(g.mean()).isEqualTo(0.6);
    assertThat(g.max()).isEqualTo(0.7);
  }

  @Test
  void badWindowsAndPeriodsAreRejectedWithTheValues() {
    assertThatThrownBy(() -> StepMetrics.summarise(List.of(), T0.plusSeconds(1), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends before");
    assertThatThrownBy(() -> StepMetrics.alignToPeriods(T0, T0.plusSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
  }

  @Test
  void seriesPointsMustBeInTimeOrder() {
    assertThatThrownBy(() -> new Series("x", "", Map.of(),
        List.of(new Sample(T0.plusSeconds(1), 1), new Sample(T0, 2))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
  }
}
