package dev.harness.cli;

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
      "Start a simulated g5.2xlarge serving a 7B chat model in-process and run a short",
      "open-loop test of the support-chat payloads against it (profiles/examples/demo.yaml,",
      "about 90 s): live progress, the per-step table and a results directory."
    },
    footer = ExitCodes.HELP)
final class DemoCommand implements Callable<Integer> {
  static final String PROFILE = "sim-g5.2xlarge";
  static final String PLAN = "profiles/examples/demo.yaml";
  /** The demo's simulator runs this many times faster than the profile's figures. */
  static final double SPEEDUP = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Parent directory of the run directory (default: results).")
  Path out;

  @Option(names = "--quick", description = "One 12 s step at 2 requests/s (about 20 s in all).")
  boolean quick;

  @Option(names = "--quiet", description = "No live progress.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter outW = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimProfile profile;
    try {
      SimProfile p = SimProfiles.resolve(PROFILE, InstallDirs.bases());
      profile =
          new SimProfile(p.name(), p.description(), p.instance(), p.pricePerHour(),
              p.speedup() * SPEEDUP, p.incompatible(), p.llm(), p.classic());
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
      PlanOverrides overrides =
          new PlanOverrides(
              URI.create(sim.url()),
              quick ? 2.0 : null,
              quick ? Duration.ofSeconds(12) : null,
              null,
              out);
      LoadedPlan loaded =
          new PlanLoader(System.getenv()).load(InstallDirs.find(PLAN), overrides);
      return PlanExecution.execute(loaded, null, quiet, outW, err);
    }
  }
}
