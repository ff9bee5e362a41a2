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
 * The README's first command, end to end: the demo's sizing decision on simulated instance types
 * (one ladder rung per candidate with --quick), through the same path as {@code harness
 * recommend}, ending with the paths of its report.html and summary.md.
 */
class DemoCommandTest {
  @TempDir Path out;

  @Test
  void theQuickDemoRanksRejectsAndDecidesOnSimulatedInstanceTypes() throws Exception {
    Cli r = Cli.execute("demo", "--quick", "--quiet", "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("simulators run 8x faster than their profiles")
        // the ranked table, with at least one g5 type passing
        .containsPattern("(?m)^rank +candidate .*\\$/month")
        .containsPattern("(?m)^=?1 +sim-g5\\.[24]xlarge ")
        // the three rejections of the scenario, each with its reason and evidence
        .containsPattern("(?m)^rejected:$")
        .containsPattern("(?m)^ +sim-g5\\.xlarge +does-not-fit +.*out of memory")
        .containsPattern("(?m)^ +sim-g4dn\\.2xlarge +slo-missed-at-lowest-rate +p90 \\S+ ≤ .*"
            + "missed at 4\\.00 requests/s")
        .containsPattern("(?m)^ +sim-inf2\\.xlarge +declared-incompatible +.*Neuron")
        // the decision: a fleet of the cheapest passing type with its autoscaling bounds
        .containsPattern("(?m)^Ship sim-g5\\.[24]xlarge × [0-9]+ \\(N\\+1 at steady load\\), "
            + "autoscale to [0-9]+")
        .contains("results: ")
        .containsPattern("(?m)^report: .+/report\\.html$")
        .containsPattern("(?m)^summary: .+/summary\\.md$");
    List<Path> runs;
    try (Stream<Path> s = Files.list(out)) {
      runs = s.collect(Collectors.toList());
    }
    assertThat(runs).hasSize(1);
    Path run = runs.get(0);
    assertThat(run.resolve("report.html")).isNotEmptyFile();
    assertThat(run.resolve("summary.md")).isNotEmptyFile();
    ObjectMapper json = new ObjectMapper();
    JsonNode results = json.readTree(run.resolve("results.json").toFile());
    assertThat(results.get("kind").asText()).isEqualTo("recommend");
    JsonNode decision = results.get("recommendation").get("decision");
    assertThat(decision.get("chosen").asText()).startsWith("sim-g5.");
    // each searched candidate is a complete capacity run streamed from its simulator
    Path searched = run.resolve("candidates").resolve(decision.get("chosen").asText());
    JsonNode capacity = json.readTree(searched.resolve("results.json").toFile());
    assertThat(capacity.get("kind").asText()).isEqualTo("capacity");
    assertThat(capacity.get("totals").get("outputTokens").asLong()).isPositive();
    assertThat(searched.resolve("latency.hlog")).isNotEmptyFile();
    assertThat(searched.resolve("requests.bin")).isNotEmptyFile();
  }
}
