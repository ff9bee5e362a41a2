package dev.harness.report;

import dev.harness.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every report of a run: {@code summary.md}, {@code steps.csv}, {@code charts/*.png|svg}
 * and {@code report.html}. One failing writer does not stop the others; its failure is returned,
 * never thrown, so that a run's results are never lost to a report.
 */
public final class Reports {
  /** The page with everything. */
  public static final String REPORT_HTML = HtmlReport.FILE;
  /** The capacity card. */
  public static final String SUMMARY_MD = MarkdownSummary.FILE;
  /** One row per step. */
  public static final String STEPS_CSV = StepsCsv.FILE;
  /** Directory of the chart files. */
  public static final String CHARTS_DIR = Charts.DIR;

  /**
   * What {@link #writeAll} did.
   *
   * @param files every file written
   * @param failures one line per writer (or input) that failed: what and why
   */
  public record Outcome(List<Path> files, List<String> failures) {
    public Outcome {
      files = List.copyOf(files);
      failures = List.copyOf(failures);
    }

    public boolean ok() {
      return failures.isEmpty();
    }
  }

  private Reports() {}

  /** Writes every report of {@code result} into the results directory it was read from. */
  public static Outcome writeAll(RunResult result, Path resultsDir) {
    return writeAll(result, resultsDir, resultsDir);
  }

  /**
   * Writes every report of {@code result} into {@code outDir}, reading the latency log from
   * {@code resultsDir}. An unreadable log costs only the charts that need it.
   */
  public static Outcome writeAll(RunResult result, Path resultsDir, Path outDir) {
    List<Path> files = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    LatencyLog log;
    try {
      log = LatencyLog.read(resultsDir.resolve(LatencyLog.FILE), result);
    } catch (IOException | RuntimeException e) {
      failures.add(LatencyLog.FILE + ": " + e.getMessage() + " (charts over time left out)");
      log = LatencyLog.empty();
    }
    for (ReportWriter w : ReportWriter.all(log)) {
      try {
        files.addAll(w.write(result, outDir));
      } catch (IOException | RuntimeException e) {
        failures.add(w.name() + ": " + e);
      }
    }
    return new Outcome(files, failures);
  }
}
