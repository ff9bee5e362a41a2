package dev.harness.cli;

import dev.harness.config.CandidateSpec;
import dev.harness.config.CapacitySpec;
import dev.harness.config.Limits;
import dev.harness.config.LoadedRecommendPlan;
import dev.harness.config.Plan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.config.RecommendPlan;
import dev.harness.cost.CatalogException;
import dev.harness.sim.SimProfileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code harness demo}: the whole product with one command. Runs {@code
 * profiles/examples/recommend-demo.yaml} exactly as {@code harness recommend} would (through
 * {@link RecommendExecution}): simulated instance types started in-process, a capacity search on
 * each that can run, the ranked table, the rejections, the sizing decision and the reports.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Size a 7B support-chat model on simulated instance types, started in-process and run",
      "8x faster than their profiles (profiles/examples/recommend-demo.yaml, about 3 minutes):",
      "a capacity search on each candidate that can run, the ranked table, the rejected",
      "candidates with their evidence (out of memory, SLO missed, incompatible), the sizing",
      "decision, and a results directory with its reports."
    },
    footer = ExitCodes.HELP)
final class DemoCommand implements Callable<Integer> {
  static final String PLAN = "profiles/examples/recommend-demo.yaml";

  /**
   * {@code --quick}: one ladder rung per candidate instead of the search, at a rate both g5
   * simulators carry at 8x (about half their capacity) and the T4 does not.
   */
  static final List<Double> QUICK_LADDER = List.of(4.0);

  /** {@code --quick}: the rung's length (enough requests at 4/s for a p90 verdict). */
  static final Duration QUICK_STEP = Duration.ofSeconds(5);

  /** {@code --quick}: request (and drain) timeout, 64 s at real speed. */
  static final Duration QUICK_TIMEOUT = Duration.ofSeconds(8);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Parent directory of the run directory (default: results).")
  Path out;

  @Option(names = "--quick",
      description = "One ladder rung (4 requests/s, 5 s) per candidate instead of the search "
          + "(about a minute): a pass or fail each, the capacity a lower bound.")
  boolean quick;

  @Option(names = "--quiet", description = "No live progress.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter outW = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadedRecommendPlan loaded = new PlanLoader(System.getenv())
        .loadRecommend(InstallDirs.find(PLAN), new PlanOverrides(null, null, null, null, out));
    if (quick) {
      loaded = new LoadedRecommendPlan(quick(loaded.plan()), loaded.warnings());
    }
    for (String w : loaded.warnings()) {
      err.println("warning: " + w);
    }
    outW.println(intro(loaded.plan(), quick));
    outW.flush();
    try {
      return RecommendExecution.execute(loaded, InstallDirs.bases(), null, quiet, outW, err,
          "harness demo");
    } catch (CatalogException | SimProfileException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
  }

  /**
   * What the demo is about to do, and that its simulators run faster than real instances: "harness
   * demo: sizing ... simulators run 8x faster ...".
   */
  static String intro(RecommendPlan plan, boolean quick) {
    double speedup = plan.candidates().stream().filter(CandidateSpec::simulated)
        .mapToDouble(CandidateSpec::simSpeedup).max().orElse(1);
    return String.format(Locale.ROOT, "harness demo: sizing a 7B support-chat model on %d "
        + "simulated instance types (%s)%s. The simulators run %sx faster than their profiles: "
        + "rates are %sx, durations 1/%s of a real instance's, and the declared traffic is "
        + "scaled the same way.", plan.candidates().size(), PLAN,
        quick ? ", one ladder rung each (--quick)" : "", number(speedup), number(speedup),
        number(speedup));
  }

  /**
   * The demo plan with one short ladder rung per candidate instead of the search, and requests
   * that time out after {@link #QUICK_TIMEOUT} (the rung overloads the T4, whose queue would
   * otherwise drain for the plan's full timeout).
   */
  static RecommendPlan quick(RecommendPlan p) {
    Plan b = p.base();
    CapacitySpec c = b.capacity();
    CapacitySpec ladder = new CapacitySpec(QUICK_LADDER, c.precision(), c.confidence(),
        c.startRate(), c.minRate(), c.maxRate(), c.saturationConcurrency(), QUICK_STEP,
        QUICK_STEP, QUICK_STEP.multipliedBy(2), c.warmup(), c.cooldownTimeout(),
        c.maxDuration(), c.maxRequests(), c.errorStormRate(), c.errorStormFor(), c.instances(),
        c.hourlyPrice());
    Limits l = b.limits();
    Limits limits = new Limits(QUICK_TIMEOUT, l.connectTimeout(), l.maxInFlight(),
        l.connections(), l.maxDuration(), QUICK_TIMEOUT);
    Plan quick = new Plan(b.source(), b.name(), b.target(), b.payloads(), b.phases(), b.slo(),
        limits, b.seed(), b.outputDir(), ladder, b.metrics());
    return new RecommendPlan(quick, p.traffic(), p.platform(), p.catalogFiles(), p.parallel(),
        p.candidates());
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3g", d);
  }
}
