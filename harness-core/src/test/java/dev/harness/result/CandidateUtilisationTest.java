package dev.harness.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateUtilisationTest {
  private static RecommendationResult.Candidate withServerMetrics(Map<String, Double> m) {
    return new RecommendationResult.Candidate("a", "g5.2xlarge", 1, 1, 1.5, null, null, null,
        "passed", 1, 1, List.of(), new RecommendationResult.Range(1, 1, 1), 1.0, 1.0, 100.0,
        null, null, null, m, 0.1, null, null, 1, 1, null, null, null, null, null);
  }

  @Test
  void aScrapedBusyShareIsPreferredToCloudWatchs() {
    assertThat(withServerMetrics(Map.of("gpu_busy.mean", 0.62, "cloudwatch.gpu_busy.mean", 0.5))
        .serverUtilisation()).isEqualTo(0.62);
  }

  @Test
  void cloudWatchsBusyShareStandsInWhenNothingWasScraped() {
    assertThat(withServerMetrics(Map.of("cloudwatch.gpu_busy.mean", 0.5,
        "cloudwatch.gpu_busy.max", 0.9)).serverUtilisation()).isEqualTo(0.5);
  }

  @Test
  void neuronCoresCountWhenThereIsNoGpu() {
    assertThat(withServerMetrics(Map.of("cloudwatch.neuroncore_utilization.mean", 0.3))
        .serverUtilisation()).isEqualTo(0.3);
  }

  @Test
  void withoutAnyUtilisationMetricThereIsNone() {
    assertThat(withServerMetrics(Map.of("kv_cache_usage.mean", 0.8)).serverUtilisation())
        .isNull();
    assertThat(withServerMetrics(Map.of("gpu_busy.mean", Double.NaN)).serverUtilisation())
        .isNull();
  }
}
