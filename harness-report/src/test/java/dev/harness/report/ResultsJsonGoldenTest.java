package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results.json the reports read, sealed like the reports themselves. */
class ResultsJsonGoldenTest {
  @TempDir Path dir;

  @Test
  void capacityResultsJsonMatchesItsGoldenFileInEveryLocale() throws Exception {
    Goldens.check("results-capacity.json", () -> {
      ResultsJson.write(Fixtures.capacityRun(), dir);
      return Files.readString(dir.resolve("results.json"));
    });
  }

  @Test
  void resultsJsonReadsBackAsTheSameResults() throws Exception {
    for (RunResult r : new RunResult[] {Fixtures.capacityRun(), Fixtures.llmRun()}) {
      ResultsJson.write(r, dir);

      assertThat(ResultsJson.read(dir)).isEqualTo(r);
    }
  }
}
