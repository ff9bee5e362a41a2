package dev.harness.cli;

import dev.harness.capacity.SearchListener;
import dev.harness.config.CandidateSpec;
import dev.harness.config.LoadedRecommendPlan;
import dev.harness.cost.CandidateOutcome;
import dev.harness.engine.EngineConfig;
import dev.harness.engine.EngineListener;
import dev.harness.report.RecommendTable;
import dev.harness.run.RecommendListener;
import dev.harness.run.RecommendRun;
import dev.harness.time.NanoClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The flow {@code harness recommend} and {@code harness demo} share: prepare the recommendation,
 * print each candidate as it starts and ends (and its search's steps, with live progress), then
 * the ranked table, the rejections and the decision, the results path and the reports; Ctrl-C
 * ends the current search and still writes everything.
 */
final class RecommendExecution {
  private RecommendExecution() {}

  /**
   * Runs {@code loaded} and prints its outcome.
   *
   * @param command how the header line names the command ({@code harness recommend})
   * @return {@link ExitCodes#OK} with a decision, {@link ExitCodes#NO_SUSTAINABLE_RATE} when every
   *     candidate was rejected, {@link ExitCodes#INTERRUPTED} after Ctrl-C
   */
  static int execute(LoadedRecommendPlan loaded, List<Path> bases, Integer eventLoops,
      boolean quiet, PrintWriter outW, PrintWriter err, String command) throws Exception {
    RecommendRun run = RecommendRun.prepare(loaded.plan(), List.of(), System.getenv(),
        NanoClock.system(), Versions.harness(),
        eventLoops == null ? EngineConfig.defaultEventLoops() : eventLoops, bases);
    for (String w : run.warnings()) {
      err.println("warning: " + w);
    }
    int n = loaded.plan().candidates().size();
    err.printf("%s: %s, %d candidate%s %s; results in %s%n", command,
        loaded.plan().base().name(), n, n == 1 ? "" : "s",
        loaded.plan().parallel() ? "at the same time" : "one after another", run.directory());
    err.flush();
    long waitMillis = loaded.plan().base().limits().requestTimeout().toMillis() + 20_000;
    InterruptHook hook = new InterruptHook(() -> run.stop("interrupted"), waitMillis);
    ProgressPrinter progress = new ProgressPrinter(err, ProgressPrinter.interactive());
    RecommendRun.Report report;
    try (hook) {
      report = run.execute(quiet ? RecommendListener.NONE : new CandidateLines(err, progress));
      progress.finish();
      outW.println();
      outW.print(RecommendTable.render(report.result()));
      outW.println("results: " + run.directory().toAbsolutePath());
      ReportCommand.write(report.result(), run.directory(), run.directory(), outW, err, false);
      outW.flush();
    }
    if (hook.interrupted()) {
      return ExitCodes.INTERRUPTED;
    }
    return report.ranking().decision().isPresent() ? ExitCodes.OK
        : ExitCodes.NO_SUSTAINABLE_RATE;
  }

  /** "candidate 2 of 5: ..." when a candidate starts and ends, and its search's steps. */
  private static final class CandidateLines implements RecommendListener {
    private final PrintWriter err;
    private final ProgressPrinter progress;
    private final SearchListener steps;

    CandidateLines(PrintWriter err, ProgressPrinter progress) {
      this.err = err;
      this.progress = progress;
      this.steps = new CapacityExecution.StepLines(err, progress);
    }

    @Override
    public synchronized void candidateStarting(int index, int count, CandidateSpec c) {
      progress.finish();
      err.printf(Locale.ROOT, "candidate %d of %d: %s (%s%s%s)%s%n", index + 1, count, c.name(),
          c.instanceType(), c.copies() > 1 ? ", " + c.copies() + " copies" : "",
          c.simulated() ? ", simulated" + (c.simSpeedup() != 1
              ? String.format(Locale.ROOT, " %.3gx faster", c.simSpeedup()) : "") : "",
          c.declaredIncompatible() ? " — declared incompatible, not run" : " …");
      err.flush();
    }

    @Override
    public synchronized void candidateFinished(int index, int count, CandidateSpec c,
        CandidateOutcome o, String notRunReason) {
      progress.finish();
      String what;
      if (o == null) {
        what = "not run: " + notRunReason;
      } else if (o.passed()) {
        what = String.format(Locale.ROOT, "passed: %.3g requests/s per instance [%.3g, %.3g]",
            o.capacity().pointRps(), o.capacity().lowRps(), o.capacity().highRps());
      } else {
        what = "rejected (" + o.rejection().reason().key() + "): " + o.rejection().evidence();
      }
      err.printf(Locale.ROOT, "candidate %d of %d: %s %s%n", index + 1, count, c.name(), what);
      err.flush();
    }

    @Override
    public SearchListener search(int index, CandidateSpec candidate) {
      return steps;
    }

    @Override
    public EngineListener engine(int index, CandidateSpec candidate) {
      return progress;
    }
  }
}
