package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.result.RunResult;
import dev.harness.result.Totals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @TempDir Path dir;

  @Test
  void writesEveryReportBesideTheResults() throws Exception {
    RunResult r = Fixtures.capacityRun();
    Fixtures.writeHlog(dir, r, 20);

    Reports.Outcome o = Reports.writeAll(r, dir);

    assertThat(o.failures()).isEmpty();
    assertThat(o.files()).contains(dir.resolve("summary.md"), dir.resolve("steps.csv"),
        dir.resolve("report.html"), dir.resolve("charts/capacity-curve.png"),
        dir.resolve("charts/latency-over-time.svg"));
    assertThat(o.files()).allSatisfy(f -> assertThat(f).isNotEmptyFile());
  }

  @Test
  void aFailingWriterDoesNotLoseTheOthers() throws Exception {
    RunResult r = Fixtures.capacityRun();
    Files.writeString(dir.resolve("charts"), "a file where the charts directory should be");

    Reports.Outcome o = Reports.writeAll(r, dir);

    assertThat(o.ok()).isFalse();
    assertThat(o.failures()).singleElement().asString().startsWith("charts/:");
    assertThat(dir.resolve("summary.md")).isNotEmptyFile();
    assertThat(dir.resolve("steps.csv")).isNotEmptyFile();
    assertThat(dir.resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void anUnreadableLatencyLogCostsOnlyTheChartsThatNeedIt() throws Exception {
    RunResult r = Fixtures.capacityRun();
    Files.writeString(dir.resolve("latency.hlog"), "Tag=e2e,0.1,1.0,0.0,not-a-histogram!!\n");

    Reports.Outcome o = Reports.writeAll(r, dir);

    assertThat(o.failures()).singleElement().asString().startsWith("latency.hlog:");
    assertThat(dir.resolve("charts/latency-over-time.png")).doesNotExist();
    assertThat(dir.resolve("charts/capacity-curve.png")).isNotEmptyFile();
    assertThat(dir.resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void aRunThatMeasuredNothingStillGetsItsReports() {
    RunResult full = Fixtures.llmRun();
    RunResult empty = new RunResult(full.schemaVersion(), full.runId(), full.kind(),
        full.startedAt(), full.endedAt(), true, "internal error: boom", 1, Map.of(),
        full.plan(), null, null, List.of(), List.of(),
        new Totals(0, 0, Map.of(), 0, 0, 0), List.of(), null);

    Reports.Outcome o = Reports.writeAll(empty, dir);

    assertThat(o.failures()).isEmpty();
    assertThat(dir.resolve("summary.md")).content().contains("internal error: boom")
        .doesNotContain("null");
    assertThat(dir.resolve("steps.csv")).content().hasLineCount(1);
    assertThat(dir.resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void reportsCanGoToAnotherDirectoryThanTheResults() throws Exception {
    RunResult r = Fixtures.capacityRun();
    Fixtures.writeHlog(dir, r, 20);
    Path out = dir.resolve("elsewhere");

    Reports.Outcome o = Reports.writeAll(r, dir, out);

    assertThat(o.failures()).isEmpty();
    assertThat(out.resolve("charts/latency-over-time.svg")).isNotEmptyFile();
    assertThat(dir.resolve("report.html")).doesNotExist();
  }
}
