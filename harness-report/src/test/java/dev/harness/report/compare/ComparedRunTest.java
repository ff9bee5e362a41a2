package dev.harness.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.result.RecommendationResult;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparedRunTest {
  @TempDir Path dir;

  @Test
  void readsACapacityRunWithoutARecommendation() throws Exception {
    ResultsJson.write(Runs.run("b1").rung(100, 20).build(), dir);

    ComparedRun r = ComparedRun.read(dir);

    assertThat(r.runId()).isEqualTo("b1");
    assertThat(r.label()).isEqualTo(dir.toString());
    assertThat(r.fleetMonthlyCost()).isNull();
    assertThat(Curve.of(r.result()).rates()).containsExactly(100.0);
  }

  @Test
  void readsTheRecommendedFleetsMonthlyCostWhenTheResultsHaveOne() throws Exception {
    RunResult r = Runs.run("rec").kind("recommend").build();
    RecommendationResult rec = new RecommendationResult(null, "sagemaker", null, List.of(),
        List.of("g5"), new RecommendationResult.DecisionSummary("g5", "g5.2xlarge", 1, 2, 1, 2,
            1, null, 0, 1, 2, 1234.5, null, null), false, List.of());
    ResultsJson.write(new RunResult(r.schemaVersion(), r.runId(), r.kind(), r.startedAt(),
        r.endedAt(), r.interrupted(), r.stopReason(), r.seed(), r.versions(), r.plan(),
        r.payloads(), r.generator(), r.anchors(), r.steps(), r.totals(), r.warnings(),
        r.capacity(), rec), dir);

    assertThat(ComparedRun.read(dir).fleetMonthlyCost()).isEqualTo(1234.5);
  }
}
