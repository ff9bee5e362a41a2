package dev.harness.metrics.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.metrics.Sample;
import dev.harness.metrics.Series;
import dev.harness.metrics.ServerMetric;
import dev.harness.metrics.cloudwatch.MetricQuery.Output;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SeriesBuilderTest {
  static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

  static MetricQuery device(String id, String gpu) {
    return new MetricQuery(id, "CWAgent", "nvidia_smi_memory_used",
        Map.of("InstanceId", "i-0123abcd", "index", gpu), "Average", Map.of("gpu", gpu),
        List.of(Output.canonical(ServerMetric.GPU_MEMORY_USED_BYTES, 2)));
  }

  static TreeMap<Instant, Double> points(double... values) {
    TreeMap<Instant, Double> m = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(T0.plusSeconds(60L * i), values[i]);
    }
    return m;
  }

  @Test
  void summedMetricsAddTheDevicesThatReportedInEachPeriod() {
    List<Series> s = SeriesBuilder.build(List.of(device("a", "0"), device("b", "1")),
        Map.of("a", points(1, 2, 3), "b", points(10, 20)), T0, T0.plusSeconds(180));
    Series host = s.stream().filter(Series::isAggregate).findFirst().orElseThrow();
    // scale 2 applied before adding; the third period has only device a
    assertThat(host.points()).extracting(Sample::value).containsExactly(22.0, 44.0, 6.0);
  }

  @Test
  void pointsOutsideTheWindowAreDropped() {
    List<Series> s = SeriesBuilder.build(List.of(device("a", "0")), Map.of("a", points(1, 2, 3)),
        T0.plusSeconds(60), T0.plusSeconds(120));
    assertThat(s.get(0).points()).extracting(Sample::time).containsExactly(T0.plusSeconds(60));
  }

  @Test
  void periodAlignmentRoundsToWholePeriods() {
    Instant t = T0.plusSeconds(61);
    assertThat(CloudWatchSource.floor(t, 60)).isEqualTo(T0.plusSeconds(60));
    assertThat(CloudWatchSource.ceil(t, 60)).isEqualTo(T0.plusSeconds(120));
    assertThat(CloudWatchSource.ceil(T0, 60)).isEqualTo(T0);
  }
}
