package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, end to end: the demo against the in-process simulator, ending with
 * the paths of its report.html and summary.md.
 */
class DemoCommandTest {
  @TempDir Path out;

  @Test
  void theQuickDemoStreamsChatsFromTheSimulatorAndWritesEveryOutput() throws Exception {
    Cli r = Cli.execute("demo", "--quick", "--quiet", "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("ttft p99")
        .contains("tok/s")
        .contains("results: ")
        .containsPattern("(?m)^report: .+/report\\.html$")
        .containsPattern("(?m)^summary: .+/summary\\.md$");
    List<Path> runs;
    try (Stream<Path> s = Files.list(out)) {
      runs = s.collect(Collectors.toList());
    }
    assertThat(runs).hasSize(1);
    Path run = runs.get(0);
    assertThat(run.resolve("latency.hlog")).isNotEmptyFile();
    assertThat(run.resolve("requests.bin")).isNotEmptyFile();
    // the reports, written at the end of the run: LLM charts included
    assertThat(run.resolve("report.html")).isNotEmptyFile();
    assertThat(run.resolve("summary.md")).isNotEmptyFile();
    assertThat(run.resolve("steps.csv")).isNotEmptyFile();
    assertThat(run.resolve("charts/ttft-vs-rate.svg")).isNotEmptyFile();
    assertThat(run.resolve("charts/latency-over-time.png")).isNotEmptyFile();
    JsonNode results = new ObjectMapper().readTree(run.resolve("results.json").toFile());
    JsonNode totals = results.get("totals");
    assertThat(totals.get("scheduled").asLong()).isPositive();
    assertThat(totals.get("succeeded").asLong()).isEqualTo(totals.get("scheduled").asLong());
    assertThat(totals.get("outputTokens").asLong()).isPositive();
    JsonNode step = results.get("steps").get(0);
    assertThat(step.get("latencies").has("ttft")).isTrue();
    assertThat(step.get("latencies").has("itl")).isTrue();
    // token counts come from the simulator's usage block, not from an estimate
    assertThat(step.get("tokenCountSources").has("usage")).isTrue();
    assertThat(step.get("tokenCountSources").has("estimated")).isFalse();
  }
}
