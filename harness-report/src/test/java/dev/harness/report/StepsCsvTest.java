package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepsCsvTest {

  @Test
  void capacityRunCsvMatchesItsGoldenFileInEveryLocale() throws Exception {
    Goldens.check("steps-capacity.csv", () -> StepsCsv.render(Fixtures.capacityRun()));
  }

  @Test
  void llmRunCsvMatchesItsGoldenFileInEveryLocale() throws Exception {
    Goldens.check("steps-llm-run.csv", () -> StepsCsv.render(Fixtures.llmRun()));
  }

  @Test
  void everyRowHasOneFieldPerColumnAndOneRowPerStep() {
    for (var r : List.of(Fixtures.capacityRun(), Fixtures.llmRun())) {
      List<String> lines = StepsCsv.render(r).lines().toList();

      assertThat(lines).hasSize(r.steps().size() + 1);
      assertThat(lines.get(0)).isEqualTo(String.join(",", StepsCsv.header()));
      assertThat(lines).allSatisfy(l ->
          assertThat(l.split(",", -1)).hasSize(StepsCsv.header().size()));
    }
  }

  @Test
  void warmUpsAndSearchStepsAreToldApart() {
    List<String> lines = StepsCsv.render(Fixtures.capacityRun()).lines().toList();

    assertThat(lines.get(1)).startsWith("0,warmup 40 req/s,warmup 40 req/s,warmup,0,");
    assertThat(lines.get(4)).startsWith("3,80 req/s,80 req/s,trial,1,").contains(",fail,");
  }

  @Test
  void fieldsWithCommasOrQuotesAreQuoted() {
    assertThat(StepsCsv.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(StepsCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(StepsCsv.quote("plain")).isEqualTo("plain");
  }
}
