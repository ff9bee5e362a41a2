package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harness recommend}: the dry run of the shipped examples and bad plans. */
class RecommendCommandTest {
  private static final String SIM_PLAN = "../profiles/examples/recommend-sim.yaml";

  @TempDir Path dir;

  @Test
  void theSimulatedExampleDryRunsListingEveryCandidate() {
    Cli r = Cli.execute("recommend", SIM_PLAN, "--dry-run");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("recommend recommend-sim: 6 candidates, one after another; "
        + "nothing is sent");
    for (String name : new String[] {"sim-g5.xlarge", "sim-g5.2xlarge", "sim-g5.4xlarge",
        "sim-g5.12xlarge", "sim-g4dn.2xlarge", "sim-inf2.xlarge"}) {
      assertThat(r.out()).contains(name);
    }
    assertThat(r.out()).containsPattern("sim-g5.xlarge .* health check \\(does not fit\\)");
    assertThat(r.out()).containsPattern("sim-inf2.xlarge .* not run \\(incompatible\\)");
    assertThat(r.out()).contains("expected time:", "instance-hours:");
  }

  @Test
  void aRecommendRunWritesItsReportsAndPrintsWhereTheyAre() throws Exception {
    // one candidate whose model does not fit (rejected at its health check), one declared
    // incompatible (rejected): no search runs, so this is quick, and the decision is "nothing to ship"
    Path plan = dir.resolve("rec.yaml");
    Files.writeString(plan, "name: rec-reports\n"
        + "payloads: {file: " + Path.of("../payloads/chat-support.jsonl").toAbsolutePath()
        + "}\n"
        + "slo: {objectives: [{metric: e2e, percentile: p90, threshold: 5s}]}\n"
        + "traffic: {steady: 60/min, peak: 120/min}\n"
        + "platform: sagemaker\n"
        + "candidates:\n  - sim: sim-g5.xlarge\n  - sim: sim-inf2.xlarge\n");

    Cli r = Cli.execute("recommend", plan.toString(), "--out", dir.resolve("results").toString(),
        "--quiet");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.NO_SUSTAINABLE_RATE);
    Path run;
    try (var dirs = Files.list(dir.resolve("results"))) {
      run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertThat(r.out()).contains("report: " + run.resolve("report.html").toAbsolutePath(),
        "summary: " + run.resolve("summary.md").toAbsolutePath());
    assertThat(run.resolve("summary.md")).content()
        .contains("# rec-reports — recommendation", "## Rejected",
            "| sim-g5.xlarge | sim-g5.xlarge | does-not-fit | GET /health answered 503: out of "
                + "memory", "| sim-inf2.xlarge | sim-inf2.xlarge | declared-incompatible |",
            "No candidate passed: nothing to ship.");
    assertThat(run.resolve("report.html")).content().contains("id=\"rejected\"");
  }

  @Test
  void theEndpointExampleDryRunsWithItsInstanceHoursAndCost() {
    Cli r = Cli.execute("recommend", "../profiles/examples/recommend-llm-7b.yaml", "--dry-run");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("g5.2xlarge", "g5.12xlarge-x4", "inf2.xlarge", "not run");
    assertThat(r.out()).containsPattern("instance-hours: at most [1-9][0-9.]*, about \\$[1-9]");
  }

  @Test
  void aMalformedPlanExitsWithTwoAndItsLocation() throws Exception {
    Path plan = dir.resolve("bad.yaml");
    Files.writeString(plan, "payloads: {file: x.jsonl}\ntraffic: {steady: 10/min}\n"
        + "candidates:\n  - {sim: sim-g5.2xlarge, copies: many}\n");

    Cli r = Cli.execute("recommend", plan.toString(), "--dry-run");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("error: " + plan + ":");
  }

  @Test
  void aPlainPlanIsSentToTheCommandThatFits() {
    Cli r = Cli.execute("recommend", "../profiles/examples/demo.yaml", "--dry-run");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("target: this is a plan for harness run or harness capacity");
  }

  @Test
  void capacityOnARecommendPlanSaysToUseRecommend() {
    Cli r = Cli.execute("capacity", SIM_PLAN, "--dry-run");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("this is a recommend plan", "harness recommend");
  }
}
