package dev.harness.cli;

import com.fasterxml.jackson.core.JacksonException;
import dev.harness.config.Defaults;
import dev.harness.config.Slo;
import dev.harness.record.RequestLog;
import dev.harness.report.Reports;
import dev.harness.report.rejudge.Rejudge;
import dev.harness.report.rejudge.SloSpec;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code harness report RESULTS_DIR [--out DIR] [--slo SPEC]...}: regenerates every report of a
 * run from its results directory alone (results.json and latency.hlog); with {@code --slo}, judges
 * a capacity run's steps again from requests.bin with another SLO first ({@link Rejudge}). Also
 * the hook {@code run}, {@code capacity}, {@code demo} and {@code recommend} call to write the
 * reports at the end of a run.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a run's reports again from its results directory alone.",
      "Reads results.json and latency.hlog; writes report.html (one self-contained page",
      "with tables and charts), summary.md (the capacity card), steps.csv (one row per",
      "step) and charts/*.png and *.svg, and prints their paths. run, capacity, demo and",
      "recommend write the same reports at the end of every run. With --slo, a capacity",
      "run's verdicts and sustainable rate are judged again from requests.bin with another",
      "SLO (the reports say so; results.json is not changed)."
    },
    footer = ExitCodes.HELP)
final class ReportCommand implements Callable<Integer> {
  private static final String REQUESTS_BIN = "requests.bin";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULTS_DIR",
      description = "A run's results directory (holds results.json).")
  Path resultsDir;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write the reports here instead of into RESULTS_DIR.")
  Path out;

  @Option(names = "--slo", paramLabel = "SPEC",
      description = {
        "Judge every capacity step again from requests.bin with this SLO instead of the",
        "plan's (repeatable; the latency objectives replace the plan's, the error-rate limit",
        "is the plan's unless given): '<metric> p<percentile> <= <duration>' with metric",
        "e2e, ttft or tpot, e.g. --slo 'e2e p99 <= 800ms'; 'errors <= <percent>%', e.g.",
        "--slo 'errors <= 1%'. The reports say so; results.json is left as it is."
      })
  List<String> slo;

  @Override
  public Integer call() {
    PrintWriter outW = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path json = resultsDir.resolve(ResultsJson.FILE_NAME);
    if (!Files.isRegularFile(json)) {
      err.println("error: " + resultsDir + " has no " + ResultsJson.FILE_NAME
          + " (not a results directory)");
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    RunResult result;
    try {
      result = ResultsJson.read(resultsDir);
    } catch (JacksonException e) {
      err.println("error: " + json + ": not a results file: " + e.getOriginalMessage());
      err.flush();
      return ExitCodes.INVALID_INPUT;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    if (slo != null && !slo.isEmpty()) {
      try {
        result = rejudge(result);
      } catch (IllegalArgumentException | IOException e) {
        err.println("error: " + e.getMessage());
        err.flush();
        return ExitCodes.INVALID_INPUT;
      }
      outW.println(result.warnings().get(0));
    }
    boolean ok = write(result, resultsDir, out == null ? resultsDir : out, outW, err, true);
    return ok ? ExitCodes.OK : ExitCodes.INTERNAL;
  }

  /** {@code result} judged again with {@link #slo} from the directory's requests.bin. */
  private RunResult rejudge(RunResult result) throws IOException {
    Path records = resultsDir.resolve(REQUESTS_BIN);
    if (!Files.isRegularFile(records)) {
      throw new IOException(resultsDir + " has no " + REQUESTS_BIN
          + ": the verdicts cannot be judged again without the run's request records");
    }
    Object planMax = result.plan().slo() == null ? null
        : result.plan().slo().get("maxErrorRate");
    Slo spec = SloSpec.parse(slo, planMax instanceof Number ? ((Number) planMax).doubleValue()
        : Defaults.MAX_ERROR_RATE);
    return Rejudge.apply(result, RequestLog.read(records), spec);
  }

  /**
   * Writes every report and prints where: every file when {@code all}, else report.html and
   * summary.md. A writer that fails is a warning on {@code err}; the others are still written.
   *
   * @return true when every report was written
   */
  static boolean write(RunResult result, Path resultsDir, Path outDir, PrintWriter outW,
      PrintWriter err, boolean all) {
    Reports.Outcome o = Reports.writeAll(result, resultsDir, outDir);
    for (String f : o.failures()) {
      err.println("warning: report not written: " + f);
    }
    err.flush();
    if (all) {
      o.files().forEach(p -> outW.println(p.toAbsolutePath()));
    } else {
      for (String name : List.of(Reports.REPORT_HTML, Reports.SUMMARY_MD)) {
        o.files().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
            .ifPresent(p -> outW.println(name.substring(0, name.indexOf('.')) + ": "
                + p.toAbsolutePath()));
      }
    }
    outW.flush();
    return o.ok();
  }
}
