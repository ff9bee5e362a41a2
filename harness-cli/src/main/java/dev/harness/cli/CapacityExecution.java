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
import dev.harness.result.CapacityResult;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.run.CapacityRun;
import dev.harness.time.NanoClock;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
    return execute(loaded, eventLoops, quiet, outW, err, Map.of());
  }

  /**
   * As {@link #execute(LoadedPlan, Integer, boolean, PrintWriter, PrintWriter)}, with entries
   * added to results.json {@code capacity.settings} (e.g. the ladder's source) before the
   * reports are written.
   */
  static int execute(LoadedPlan loaded, Integer eventLoops, boolean quiet, PrintWriter outW,
      PrintWriter err, Map<String, Object> extraSettings) throws Exception {
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
      RunResult result = report.result();
      if (!extraSettings.isEmpty() && result.capacity() != null) {
        result = withSettings(result, extraSettings);
        ResultsJson.write(result, run.directory());
      }
      outW.println();
      outW.print(CapacityTable.render(result));
      outW.println("results: " + run.directory().toAbsolutePath());
      ReportCommand.write(result, run.directory(), run.directory(), outW, err, false);
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

  /** {@code r} with {@code extra} added to its capacity settings. */
  private static RunResult withSettings(RunResult r, Map<String, Object> extra) {
    CapacityResult c = r.capacity();
    Map<String, Object> settings = new LinkedHashMap<>(c.settings());
    settings.putAll(extra);
    CapacityResult capacity = new CapacityResult(c.strategy(), c.status(), c.endReason(),
        settings, c.idleLatencyMillis(), c.saturationRps(), c.sustainable(),
        c.firstFailingStep(), c.firstBreach(), c.steps());
    return new RunResult(r.schemaVersion(), r.runId(), r.kind(), r.startedAt(), r.endedAt(),
        r.interrupted(), r.stopReason(), r.seed(), r.versions(), r.plan(), r.payloads(),
        r.generator(), r.anchors(), r.steps(), r.totals(), r.warnings(), capacity);
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

    @Override
    public void note(String message) {
      progress.finish();
      err.println(message);
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
