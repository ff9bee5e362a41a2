package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harness metrics fetch}: the cases that are refused before anything is read or written. */
class MetricsCommandTest {
  private static final Path CAPACITY_RESULTS =
      Path.of("../harness-report/src/test/resources/golden/results-capacity.json");
  private static final Path PAYLOADS =
      Path.of("../payloads/chat-support.jsonl").toAbsolutePath().normalize();

  @TempDir Path dir;

  private Path capacityRun() throws Exception {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    Files.copy(CAPACITY_RESULTS, run.resolve("results.json"));
    return run;
  }

  @Test
  void aRunWhosePlanHasNoCloudWatchSourceIsRefusedAndLeftAsItWas() throws Exception {
    Path run = capacityRun();
    Files.writeString(run.resolve("plan.yaml"), String.join("\n",
        "name: fraud",
        "target: {protocol: http, url: 'http://127.0.0.1:9/v1/score'}",
        "payloads: {file: '" + PAYLOADS + "'}",
        "capacity: {ladder: [10]}",
        "metrics: {prometheus: {url: 'http://127.0.0.1:9/metrics'}}", ""));
    byte[] before = Files.readAllBytes(run.resolve("results.json"));

    Cli r = Cli.execute("metrics", "fetch", run.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("error: the run had no CloudWatch source: its plan ",
        "has no metrics.cloudwatch section");
    assertThat(run.resolve("results.json")).hasBinaryContent(before);
    assertThat(run.resolve("results.json.bak")).doesNotExist();
  }

  @Test
  void aRunWhosePlanCannotBeFoundAsksForIt() throws Exception {
    Path run = capacityRun(); // results.json names plans/fraud.yaml, which is not here

    Cli r = Cli.execute("metrics", "fetch", run.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("cannot find the plan of this run", "--plan");
  }

  @Test
  void aDirectoryWithoutResultsIsNotARun() {
    Cli r = Cli.execute("metrics", "fetch", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("has no results.json");
  }
}
