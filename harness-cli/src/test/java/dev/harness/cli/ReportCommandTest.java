package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
