package dev.harness.cli;

import dev.harness.config.CapacitySpec;
import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.sim.SimProfile;
import dev.harness.sim.SimProfileException;
import dev.harness.sim.SimProfiles;
import dev.harness.sim.SimServer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code harness demo}: the whole product with one command. Starts a simulated {@code
 * sim-g5.2xlarge} in-process on a loopback port and runs {@code profiles/examples/demo.yaml}
 * against it exactly as {@code harness run} would.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start a simulated g5.2xlarge serving a 7B chat model in-process and search for the",
      "highest rate of support chats it sustains within the SLO (profiles/examples/demo.yaml,",
      "a few minutes): each step live, the capacity curve, the sustainable rate with its",
      "bracket, and a results directory."
    },
    footer = ExitCodes.HELP)
final class DemoCommand implements Callable<Integer> {
  static final String PROFILE = "sim-g5.2xlarge";
  static final String PLAN = "profiles/examples/demo.yaml";
  /** The demo's simulator runs this many times faster than the profile's figures. */
  static final double SPEEDUP = 4;

  /** {@code --quick}: two rungs, one well under and one over the simulated capacity. */
  static final List<Double> QUICK_LADDER = List.of(2.5, 6.0);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Parent directory of the run directory (default: results).")
  Path out;

  @Option(names = "--quick",
      description = "A two-rung ladder (2.5 and 6 requests/s, 15 s each) instead of the search "
          + "(about 50 s in all).")
  boolean quick;

  @Option(names = "--quiet", description = "No live progress.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter outW = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimProfile profile;
    try {
      profile = SimProfiles.resolve(PROFILE, InstallDirs.bases()).faster(SPEEDUP);
    } catch (SimProfileException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    try (SimServer sim =
        SimServer.start(profile, SimServer.Options.loopback().withKeepTruths(false))) {
      err.println("harness demo: simulated " + profile.instance().type() + " ("
          + profile.description() + ") on " + sim.url() + ", running " + SPEEDUP
          + "x faster than the profile's figures so the demo is short");
      err.flush();
      PlanOverrides overrides = new PlanOverrides(URI.create(sim.url()), null, null, null, out);
      LoadedPlan loaded =
          new PlanLoader(System.getenv()).load(InstallDirs.find(PLAN), overrides);
      if (quick) {
        loaded = new LoadedPlan(loaded.plan().withCapacity(quickLadder(loaded.plan().capacity())),
            loaded.warnings());
      }
      return CapacityExecution.execute(loaded, null, quiet, outW, err);
    }
  }

  private static CapacitySpec quickLadder(CapacitySpec c) {
    return new CapacitySpec(QUICK_LADDER, c.precision(), c.confidence(), c.startRate(),
        c.minRate(), c.maxRate(), c.saturationConcurrency(), Duration.ofSeconds(15),
        Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(2),
        c.cooldownTimeout(), c.maxDuration(), c.maxRequests(), c.errorStormRate(),
        c.errorStormFor(), c.instances(), c.hourlyPrice());
  }
}
