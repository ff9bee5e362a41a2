package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.record.Outcome;
import dev.harness.record.RequestLog;
import dev.harness.record.RequestRecord;
import dev.harness.record.TokenCountSource;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;

  /** A copy of the capacity results fixture (results.json and latency.hlog). */
  private Path results() throws IOException, URISyntaxException {
    Path fixture = Path.of(getClass().getResource("/report-fixture/results.json").toURI())
        .getParent();
    Path run = Files.createDirectories(dir.resolve("run"));
    for (String f : List.of("results.json", "latency.hlog")) {
      Files.copy(fixture.resolve(f), run.resolve(f));
    }
    return run;
  }

  @Test
  void writesEveryReportFromTheResultsDirectoryAndPrintsThePaths() throws Exception {
    Path run = results();

    Cli r = Cli.execute("report", run.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    for (String f : List.of("report.html", "summary.md", "steps.csv", "charts/capacity-curve.png",
        "charts/capacity-curve.svg", "charts/latency-vs-rate.png", "charts/latency-over-time.svg",
        "charts/percentiles.png")) {
      assertThat(run.resolve(f)).isNotEmptyFile();
      assertThat(r.out()).contains(run.resolve(f).toAbsolutePath().toString());
    }
    assertThat(run.resolve("summary.md")).content().contains("60.0 req/s");
  }

  @Test
  void outWritesTheReportsElsewhere() throws Exception {
    Path run = results();
    Path out = dir.resolve("reports");

    Cli r = Cli.execute("report", run.toString(), "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("report.html")).isNotEmptyFile();
    assertThat(out.resolve("charts/latency-over-time.png")).isNotEmptyFile();
    assertThat(run.resolve("report.html")).doesNotExist();
  }

  /** requests.bin for the fixture: every request of every step a success after 30 ms. */
  private static void writeRequests(Path run) throws IOException {
    RunResult r = ResultsJson.read(run);
    try (RequestLog log = new RequestLog(run.resolve("requests.bin"),
        r.startedAt().toEpochMilli())) {
      long seq = 0;
      for (StepResult s : r.steps()) {
        for (long i = 0; i < s.scheduled(); i++) {
          long intended = Math.round((s.startOffsetSeconds() + i / s.offeredRps()) * 1e9);
          long done = intended + 30_000_000L;
          log.add(new RequestRecord(seq++, s.index(), 0, Outcome.SUCCESS, TokenCountSource.NONE,
              200, 0, -1, intended, intended, intended, -1, intended, done, -1, done, 0));
        }
      }
    }
  }

  @Test
  void sloJudgesTheStepsAgainFromRequestsBinAndTheReportsSaySo() throws Exception {
    Path run = results();
    writeRequests(run);
    byte[] before = Files.readAllBytes(run.resolve("results.json"));
    Path out = dir.resolve("tight");

    // the run passed 40 and 60 req/s with e2e p99 <= 50 ms; every request took 30 ms
    Cli r = Cli.execute("report", run.toString(), "--slo", "e2e p99 <= 10ms", "--out",
        out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("verdicts re-judged from requests.bin with the SLO e2e p99 ≤ "
        + "10 ms, error rate ≤ 0.1%; results.json (unchanged) was judged with e2e p99 ≤ 50 ms");
    String md = Files.readString(out.resolve("summary.md"));
    assertThat(md).contains("- **re-judged:** verdicts re-judged", "sustainable rate:** none "
        + "found").doesNotContain("| pass |");
    assertThat(out.resolve("steps.csv")).content().doesNotContain(",pass,");
    assertThat(out.resolve("report.html")).content().contains("verdicts re-judged");
    assertThat(Files.readAllBytes(run.resolve("results.json"))).isEqualTo(before);

    Cli loose = Cli.execute("report", run.toString(), "--slo", "e2e p99 <= 100ms", "--slo",
        "errors <= 1%", "--out", dir.resolve("loose").toString());

    assertThat(loose.exitCode()).as(loose.err()).isZero();
    assertThat(dir.resolve("loose/summary.md")).content()
        .contains("- **sustainable rate:** 80.0 req/s", "no rate failed up to the highest tried")
        .doesNotContain("| fail |");
  }

  @Test
  void aBadSloSpecOrAMissingRequestsBinIsInvalidInput() throws Exception {
    Path run = results();

    Cli missing = Cli.execute("report", run.toString(), "--slo", "e2e p99 <= 10ms");

    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(missing.err()).contains("has no requests.bin");
    writeRequests(run);

    Cli bad = Cli.execute("report", run.toString(), "--slo", "itl p99 <= 10ms");

    assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(bad.err()).contains("error: --slo 'itl p99 <= 10ms': itl cannot be judged again");
    assertThat(run.resolve("report.html")).doesNotExist();
  }

  @Test
  void aMissingDirectoryIsInvalidInput() {
    Path missing = dir.resolve("no-such-run");

    Cli r = Cli.execute("report", missing.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("error: " + missing + " has no results.json");
  }

  @Test
  void aDirectoryWithoutResultsIsInvalidInput() {
    Cli r = Cli.execute("report", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("has no results.json");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void aNewerSchemaVersionIsRefusedWithTheVersions() throws Exception {
    Path run = results();
    Path json = run.resolve("results.json");
    Files.writeString(json, Files.readString(json).replace("\"schemaVersion\" : 1",
        "\"schemaVersion\" : 99"));

    Cli r = Cli.execute("report", run.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("schema version 99 is newer than this harness reads (1)");
  }

  @Test
  void aFileThatIsNotResultsIsInvalidInput() throws Exception {
    Files.writeString(dir.resolve("results.json"), "{ not json");

    Cli r = Cli.execute("report", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("not a results file");
  }
}
