package dev.harness.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.result.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
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
    ResultsJson.write(Runs.run("rec").kind("recommend").build(), dir);
    Path json = dir.resolve(ResultsJson.FILE_NAME);
    String text = Files.readString(json);
    int end = text.lastIndexOf('}');
    Files.writeString(json, text.substring(0, end)
        + ", \"recommendation\" : { \"decision\" : { \"chosen\" : \"g5\", \"monthlyCost\" : 1234.5 } } }");

    assertThat(ComparedRun.read(dir).fleetMonthlyCost()).isEqualTo(1234.5);
  }
}
