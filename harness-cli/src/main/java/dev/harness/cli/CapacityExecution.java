package dev.harness.cli;

import dev.harness.capacity.Bracket;
import dev.harness.capacity.Rates;
import dev.harness.capacity.SearchListener;
import dev.harness.capacity.SearchOutcome;
import dev.harness.capacity.StepPlan;
import dev.harness.capacity.StepReport;
import dev.harness.config.LoadedPlan;
import dev.harness.engine.EngineConfig;
import dev.harness.report.CapacityTable;
import dev.harness.run.CapacityRun;
import dev.harness.time.NanoClock;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The flow {@code harness capacity} and {@code harness demo} share: prepare the search, print each
 * step as it starts and ends (and live progress inside it), then the capacity curve, the answer
 * and the results path; Ctrl-C ends the current step and still writes everything.
 */
final class CapacityExecution {
  private CapacityExecution() {}

  static int execute(
      LoadedPlan loaded, Integer eventLoops, boolean quiet, PrintWriter outW, PrintWriter err)
      throws Exception {
    CapacityRun run = CapacityRun.prepare(loaded.plan(), loaded.warnings(), System.getenv(),
        NanoClock.system(), Versions.harness(),
        eventLoops == null ? EngineConfig.defaultEventLoops() : eventLoops);
    for (String w : run.warnings()) {
      err.println("warning: " + w);
    }
    err.printf("harness capacity: %s → %s; results in %s%n", loaded.plan().name(),
        loaded.plan().target().url(), run.directory());
    err.flush();
    long waitMillis = loaded.plan().limits().requestTimeout().toMillis() + 20_000;
    InterruptHook hook = new InterruptHook(() -> run.stop("interrupted"), waitMillis);
    ProgressPrinter progress = new ProgressPrinter(err, ProgressPrinter.interactive());
    CapacityRun.Report report;
    try (hook) {
      report = run.execute(quiet ? SearchListener.NONE : new StepLines(err, progress),
          quiet ? p -> {} : progress);
      progress.finish();
      outW.println();
      outW.print(CapacityTable.render(report.result()));
      outW.println("results: " + run.directory().toAbsolutePath());
      outW.flush();
    }
    if (hook.interrupted()) {
      return ExitCodes.INTERRUPTED;
    }
    SearchOutcome o = report.outcome();
    if (o == null) {
      return ExitCodes.INTERNAL;
    }
    if (report.result().totals().succeeded() == 0) {
      return ExitCodes.NO_SUCCESS;
    }
    switch (o.status()) {
      case FOUND:
        return ExitCodes.OK;
      case GENERATOR_LIMITED:
        return ExitCodes.GENERATOR_LIMITED;
      case NONE_PASSED:
        return ExitCodes.NO_SUSTAINABLE_RATE;
      default:
        return ExitCodes.NO_SUSTAINABLE_RATE;
    }
  }

  /** One line when a step starts and one when it is judged. */
  static final class StepLines implements SearchListener {
    private final PrintWriter err;
    private final ProgressPrinter progress;

    StepLines(PrintWriter err, ProgressPrinter progress) {
      this.err = err;
      this.progress = progress;
    }

    @Override
    public void stepStarting(int index, StepPlan plan) {
      progress.finish();
      err.printf(Locale.ROOT, "step %d: %s %s — %s%n", index + 1, plan.kind().label(),
          plan.openLoop()
              ? Rates.label(plan.rate()) + " req/s"
              : "×" + plan.concurrency() + " in flight",
          plan.purpose());
      err.flush();
    }

    @Override
    public void stepFinished(int index, StepReport r, Bracket b) {
      progress.finish();
      err.printf(Locale.ROOT, "step %d: %s — %s (n=%d, ok %.1f/s, %.0f s)%s%n", index + 1,
          r.verdict().name().toLowerCase(Locale.ROOT), r.reason(), r.n(), r.achievedRps(),
          r.measuredSeconds(), bracket(b));
      err.flush();
    }

    private static String bracket(Bracket b) {
      if (Double.isNaN(b.highestPass()) && Double.isNaN(b.lowestFail())) {
        return "";
      }
      return "; bracket [" + (Double.isNaN(b.highestPass()) ? "-" : Rates.label(b.highestPass()))
          + ", " + (Double.isNaN(b.lowestFail()) ? "-" : Rates.label(b.lowestFail())) + "]";
    }
  }
}
