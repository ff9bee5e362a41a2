package dev.harness.cli;

import dev.harness.config.DurationParser;
import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
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
    return PlanExecution.execute(loaded, eventLoops, quiet, outW, err);
  }
}
