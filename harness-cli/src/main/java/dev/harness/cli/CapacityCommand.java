package dev.harness.cli;

import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harness capacity PLAN}: the highest sustainable rate at the plan's SLO. */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description = {
      "Search for the highest request rate the target sustains while meeting the plan's SLO:",
      "steady open-loop steps (after one closed-loop saturation step for LLM targets), each",
      "judged with confidence bounds, bracketed and re-measured at full length. Prints each",
      "step live, then the capacity curve and the sustainable rate as [highest pass, lowest",
      "fail] with a point estimate; writes results/<run-id>/ (results.json with the curve and",
      "every verdict, latency.hlog, requests.bin). Settings: the plan's capacity: section."
    },
    footer = ExitCodes.HELP)
final class CapacityCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN", description = "Test plan (YAML).")
  Path planFile;

  @Option(names = "--url", paramLabel = "URL", description = "Override target.url.")
  URI url;

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

  @Option(
      names = "--dry-run",
      description = "Print the steps the search expects to run, their duration and the "
          + "instance-hours they cost; send nothing.")
  boolean dryRun;

  @Option(names = "--quiet", description = "No live progress.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    PlanOverrides overrides;
    try {
      overrides = new PlanOverrides(url, null, null, seed, out);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    LoadedPlan loaded = new PlanLoader(System.getenv()).load(planFile, overrides);
    if (dryRun) {
      for (String w : loaded.warnings()) {
        err.println("warning: " + w);
      }
      outW.print(DryRunText.render(loaded.plan()));
      outW.flush();
      return ExitCodes.OK;
    }
    return CapacityExecution.execute(loaded, eventLoops, quiet, outW, err);
  }
}
