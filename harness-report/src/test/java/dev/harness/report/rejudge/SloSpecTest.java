package dev.harness.report.rejudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.config.Objective;
import dev.harness.config.Slo;
import dev.harness.record.Metric;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloSpecTest {
  @Test
  void objectivesReadAsPlansWriteThemAndTheErrorRateIsThePlansUnlessGiven() {
    Slo slo = SloSpec.parse(List.of("e2e p99 <= 800ms", "ttft p90.5 ≤ 1.5s"), 0.02);

    assertThat(slo.objectives()).containsExactly(
        new Objective(Metric.E2E, 99, Duration.ofMillis(800)),
        new Objective(Metric.TTFT, 90.5, Duration.ofMillis(1500)));
    assertThat(slo.maxErrorRate()).isEqualTo(0.02);
    assertThat(SloSpec.parse(List.of("errors <= 0.5%", "e2e p99<=1s"), 0.02).maxErrorRate())
        .isEqualTo(0.005);
  }

  @Test
  void anObjectiveReadsBackInTheFormOfResultsJson() {
    Objective o = SloSpec.parse(List.of("ttft P99.9 <= 2s"), 0.01).objectives().get(0);

    assertThat(SloSpec.text(o)).isEqualTo("ttft p99.9 <= 2000 ms");
  }

  @Test
  void aBadSpecIsRefusedWithTheSpecAndWhatToWrite() {
    assertThatThrownBy(() -> SloSpec.parse(List.of("p99 e2e < 800ms"), 0.01))
        .hasMessageContaining("'p99 e2e < 800ms' is not an objective")
        .hasMessageContaining("'e2e p99 <= 800ms'");
    assertThatThrownBy(() -> SloSpec.parse(List.of("e2e p99 <= 800"), 0.01))
        .hasMessageContaining("'e2e p99 <= 800'").hasMessageContaining("needs a unit");
    assertThatThrownBy(() -> SloSpec.parse(List.of("latency p99 <= 1s"), 0.01))
        .hasMessageContaining("unknown metric 'latency'");
    assertThatThrownBy(() -> SloSpec.parse(List.of("itl p99 <= 50ms"), 0.01))
        .hasMessageContaining("itl cannot be judged again from requests.bin");
    assertThatThrownBy(() -> SloSpec.parse(List.of("e2e p100 <= 1s"), 0.01))
        .hasMessageContaining("percentile must be between 0 and 100");
    assertThatThrownBy(() -> SloSpec.parse(List.of("e2e p99 <= 1500us"), 0.01))
        .hasMessageContaining("whole number of milliseconds");
    assertThatThrownBy(() -> SloSpec.parse(List.of("errors <= 1%"), 0.01))
        .hasMessageContaining("at least one latency objective");
    assertThatThrownBy(() -> SloSpec.parse(List.of("e2e p99 <= 1s", "errors <= 120%"), 0.01))
        .hasMessageContaining("at most 100%");
  }
}
