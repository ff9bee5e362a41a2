package dev.harness.cli;

import dev.harness.config.LoadedPlan;
import dev.harness.engine.EngineConfig;
import dev.harness.report.StepTable;
import dev.harness.result.RunResult;
import dev.harness.run.PhaseRun;
import dev.harness.time.NanoClock;
import java.io.PrintWriter;

/**
 * The flow {@code harness run} and {@code harness demo} share: prepare the plan's run, print the
 * header and warnings, drive it with live progress (Ctrl-C stops it and still writes everything),
 * print the step table and the results path, and map the outcome to an exit code.
 */
final class PlanExecution {
  private PlanExecution() {}

  static int execute(
      LoadedPlan loaded, Integer eventLoops, boolean quiet, PrintWriter outW, PrintWriter err)
      throws Exception {
    PhaseRun run =
        PhaseRun.prepare(
            loaded.plan(),
            loaded.warnings(),
            System.getenv(),
            NanoClock.system(),
            Versions.harness(),
            eventLoops == null ? EngineConfig.defaultEventLoops() : eventLoops);
    for (String w : run.warnings()) {
      err.println("warning: " + w);
    }
    err.printf(
        "harness: %s → %s, %d step(s), %.0f s, about %.0f requests; results in %s%n",
        loaded.plan().name(),
        loaded.plan().target().url(),
        run.schedule().steps().size(),
        run.schedule().durationNanos() / 1e9,
        run.schedule().expectedRequests(),
        run.directory());
    err.flush();

    long drainMillis = loaded.plan().limits().drainTimeout().toMillis();
    InterruptHook hook = new InterruptHook(() -> run.stop("interrupted"), drainMillis + 15_000);
    ProgressPrinter progress = new ProgressPrinter(err, ProgressPrinter.interactive());
    RunResult result;
    try (hook) {
      result = run.execute(quiet ? p -> {} : progress);
      progress.finish();
      outW.println();
      outW.print(StepTable.render(result));
      outW.println();
      if (result.interrupted()) {
        outW.println("stopped early: " + result.stopReason());
      }
      outW.println("results: " + run.directory().toAbsolutePath());
      ReportCommand.write(result, run.directory(), run.directory(), outW, err, false);
    }
    if (hook.interrupted()) {
      return ExitCodes.INTERRUPTED;
    }
    return result.totals().succeeded() == 0 && result.totals().scheduled() > 0
        ? ExitCodes.NO_SUCCESS
        : ExitCodes.OK;
  }
}
