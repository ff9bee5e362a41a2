package dev.harness.cli;

import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.run.MetricsFetch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harness metrics}: server-side metrics of a finished run. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = "Server-side metrics of a finished run.",
    subcommands = {MetricsCommand.Fetch.class},
    footer = ExitCodes.HELP)
final class MetricsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /**
   * {@code harness metrics fetch RESULTS_DIR}: CloudWatch read again for a finished capacity run
   * ({@link MetricsFetch}), with the plan it ran: {@code --plan}, else a {@code plan.yaml} in the
   * results directory, else the plan file results.json names (as it was given, from the current
   * directory).
   */
  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = {
        "Read a finished capacity run's CloudWatch metrics again (they arrive minutes late) and",
        "fill in each step's cloudwatch.* server metrics in its results.json, which is rewritten",
        "atomically; the previous one is kept as results.json.bak. Run harness report",
        "RESULTS_DIR afterwards to redraw the reports."
      },
      footer = ExitCodes.HELP)
  static final class Fetch implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR",
        description = "A capacity run's directory (with results.json).")
    Path dir;

    @Option(names = "--plan", paramLabel = "FILE",
        description = "The plan the run used (default: RESULTS_DIR/plan.yaml, else the plan "
            + "file named in results.json).")
    Path planFile;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(dir.resolve(ResultsJson.FILE_NAME))) {
        return fail(err, dir + " has no " + ResultsJson.FILE_NAME + " (give a run's results "
            + "directory)");
      }
      Path plan;
      try {
        plan = plan(ResultsJson.read(dir));
      } catch (IOException e) {
        return fail(err, dir.resolve(ResultsJson.FILE_NAME) + ": " + e.getMessage());
      }
      if (plan == null) {
        return fail(err, "cannot find the plan of this run: no " + dir.resolve("plan.yaml")
            + " and results.json names no plan file that exists here; give it with --plan");
      }
      LoadedPlan loaded = new PlanLoader(System.getenv()).load(plan, PlanOverrides.none());
      err.println("harness metrics fetch: " + dir + " with the metrics section of " + plan);
      err.flush();
      MetricsFetch.Outcome o;
      try {
        o = MetricsFetch.fetch(dir, loaded.plan(), line -> {
          err.println(line);
          err.flush();
        });
      } catch (IllegalArgumentException e) {
        return fail(err, e.getMessage());
      }
      for (String w : o.warnings()) {
        err.println("warning: " + w);
      }
      err.flush();
      out.printf("%d of %d step(s) with CloudWatch data; rewrote %s (previous: %s)%n",
          o.stepsWithData(), o.steps(), dir.resolve(ResultsJson.FILE_NAME), o.backup());
      out.flush();
      return ExitCodes.OK;
    }

    /** The plan file: --plan, RESULTS_DIR/plan.yaml, or results.json's plan.file if it exists. */
    private Path plan(RunResult r) {
      if (planFile != null) {
        return planFile;
      }
      Path beside = dir.resolve("plan.yaml");
      if (Files.isRegularFile(beside)) {
        return beside;
      }
      String recorded = r.plan() == null ? null : r.plan().file();
      if (recorded != null && Files.isRegularFile(Path.of(recorded))) {
        return Path.of(recorded);
      }
      return null;
    }

    private static int fail(PrintWriter err, String message) {
      err.println("error: " + message);
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
  }
}
