package dev.harness.cli;

import dev.harness.config.DurationParser;
import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.engine.EngineConfig;
import dev.harness.report.StepTable;
import dev.harness.result.RunResult;
import dev.harness.run.PhaseRun;
import dev.harness.time.NanoClock;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harness run PLAN}: fixed phases of open-loop traffic against one endpoint. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Drive the plan's phases of open-loop traffic against its target, show live progress,",
      "print a per-step table and write results/<run-id>/ (results.json, latency.hlog,",
      "requests.bin). Ctrl-C stops the schedule, waits briefly for requests in flight and",
      "still writes everything measured."
    },
    footer = ExitCodes.HELP)
final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN", description = "Test plan (YAML).")
  Path planFile;

  @Option(names = "--url", paramLabel = "URL", description = "Override target.url.")
  URI url;

  @Option(
      names = "--rate",
      paramLabel = "RPS",
      description = "Replace the phases with one constant phase at this rate (requests/s).")
  Double rate;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description = "Replace the phases with one constant phase this long (e.g. 30s, 2m).")
  String duration;

  @Option(names = "--seed", description = "Override the seed of arrivals and payload order.")
  Long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Parent directory of the run directory (default: the plan's output).")
  Path out;

  @Option(
      names = "--event-loops",
      paramLabel = "N",
      description = "Netty event loop threads (default: cores - 1, at least 1).")
  Integer eventLoops;

  @Option(names = "--quiet", description = "No live progress.")
  boolean quiet;

  /** The command-line overrides; a bad value is a usage error naming its flag (exit 2). */
  private PlanOverrides overrides() {
    Duration d = null;
    if (duration != null) {
      try {
        d = DurationParser.parse(duration);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--duration: " + e.getMessage());
      }
    }
    try {
      return new PlanOverrides(url, rate, d, seed, out);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    LoadedPlan loaded = new PlanLoader(System.getenv()).load(planFile, overrides());
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

    CountDownLatch written = new CountDownLatch(1);
    boolean[] interrupted = {false};
    long drainMillis = loaded.plan().limits().drainTimeout().toMillis();
    Thread hook =
        new Thread(
            () -> {
              interrupted[0] = true;
              run.stop("interrupted");
              try {
                written.await(drainMillis + 15_000, TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "harness-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    ProgressPrinter progress = new ProgressPrinter(err, ProgressPrinter.interactive());
    RunResult result;
    try {
      result = run.execute(quiet ? p -> {} : progress);
      progress.finish();
      outW.println();
      outW.print(StepTable.render(result));
      outW.println();
      if (result.interrupted()) {
        outW.println("stopped early: " + result.stopReason());
      }
      outW.println("results: " + run.directory().toAbsolutePath());
      outW.flush();
    } finally {
      written.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        interrupted[0] = true; // the JVM is exiting on a signal: the hook is running
      }
    }
    if (interrupted[0]) {
      return ExitCodes.INTERRUPTED;
    }
    return result.totals().succeeded() == 0 && result.totals().scheduled() > 0
        ? ExitCodes.NO_SUCCESS
        : ExitCodes.OK;
  }
}
