package dev.harness.cli;

import dev.harness.capacity.Rates;
import dev.harness.config.CapacitySpec;
import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.report.compare.BaselineLadder;
import dev.harness.report.compare.ComparedRun;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
      "every verdict, latency.hlog, requests.bin). Settings: the plan's capacity: section.",
      "--ladder-from BASELINE_DIR measures at a baseline run's rates instead (for compare)."
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

  @Option(
      names = "--ladder-from",
      paramLabel = "BASELINE_DIR",
      description = "Measure at the baseline run's rates: a ladder of the open-loop rates its "
          + "capacity steps offered (ascending, each once), for harness compare.")
  Path ladderFrom;

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
    Map<String, Object> source = Map.of();
    if (ladderFrom != null) {
      ComparedRun baseline = CompareCommand.read(ladderFrom, err);
      if (baseline == null) {
        return ExitCodes.INVALID_INPUT;
      }
      List<Double> rates;
      try {
        rates = BaselineLadder.rates(baseline.result());
      } catch (IllegalArgumentException e) {
        err.println("error: --ladder-from " + ladderFrom + ": " + e.getMessage());
        err.flush();
        return ExitCodes.INVALID_INPUT;
      }
      loaded = new LoadedPlan(
          loaded.plan().withCapacity(ladder(loaded.plan().capacity(), rates)),
          loaded.warnings());
      String baselinePlan = baseline.result().plan().name();
      if (!baselinePlan.equals(loaded.plan().name())) {
        err.println("warning: --ladder-from: the baseline ran plan '" + baselinePlan
            + "', this is '" + loaded.plan().name() + "': harness compare will refuse them");
      }
      err.println("ladder from " + baseline.runId() + ": " + rates.size() + " rates, "
          + rates.stream().map(Rates::label).collect(Collectors.joining(", ")) + " req/s");
      err.flush();
      Map<String, Object> from = new LinkedHashMap<>();
      from.put("runId", baseline.runId());
      from.put("dir", ladderFrom.toAbsolutePath().normalize().toString());
      source = Map.of("ladderFrom", from);
    }
    if (dryRun) {
      for (String w : loaded.warnings()) {
        err.println("warning: " + w);
      }
      outW.print(DryRunText.render(loaded.plan()));
      outW.flush();
      return ExitCodes.OK;
    }
    return CapacityExecution.execute(loaded, eventLoops, quiet, outW, err, source);
  }

  /** The plan's capacity settings with the search replaced by a ladder of {@code rates}. */
  private static CapacitySpec ladder(CapacitySpec c, List<Double> rates) {
    return new CapacitySpec(rates, c.precision(), c.confidence(), c.startRate(), c.minRate(),
        c.maxRate(), c.saturationConcurrency(), c.trialDuration(), c.finalDuration(),
        c.maxStepDuration(), c.warmup(), c.cooldownTimeout(), c.maxDuration(), c.maxRequests(),
        c.errorStormRate(), c.errorStormFor(), c.instances(), c.hourlyPrice());
  }
}
