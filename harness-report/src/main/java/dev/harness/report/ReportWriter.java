package dev.harness.report;

import dev.harness.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a run's results into files of a directory. Writers read only the results (results.json's
 * model and, for some charts, the run's {@link LatencyLog}); they never touch the engine, so every
 * report can be regenerated offline ({@code harness report}).
 *
 * <pre>{@code
 * LatencyLog log = LatencyLog.read(resultsDir.resolve("latency.hlog"), result);
 * for (ReportWriter w : ReportWriter.all(log)) {
 *   List<Path> files = w.write(result, outDir);
 * }
 * }</pre>
 *
 * {@link Reports#writeAll} does this and keeps going when one writer fails.
 */
public interface ReportWriter {

  /** Short name for messages, e.g. "summary.md". */
  String name();

  /**
   * Writes this writer's files into {@code dir} (created if missing), replacing earlier ones.
   *
   * @return the files written
   */
  List<Path> write(RunResult result, Path dir) throws IOException;

  /** {@code summary.md}: the one-page capacity card in Markdown. */
  static ReportWriter markdownSummary() {
    return new MarkdownSummary();
  }

  /** {@code steps.csv}: one row per step, for machines. */
  static ReportWriter stepsCsv() {
    return new StepsCsv();
  }

  /** {@code charts/*.png} and {@code charts/*.svg}; over-time charts from {@code log}. */
  static ReportWriter charts(LatencyLog log) {
    return new Charts(log);
  }

  /** {@code report.html}: one self-contained page with every table and chart. */
  static ReportWriter html(LatencyLog log) {
    return new HtmlReport(log);
  }

  /** Every writer, in the order {@link Reports#writeAll} runs them. */
  static List<ReportWriter> all(LatencyLog log) {
    return List.of(markdownSummary(), stepsCsv(), charts(log), html(log));
  }
}
