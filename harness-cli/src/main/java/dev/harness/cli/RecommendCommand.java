package dev.harness.cli;

import dev.harness.capacity.SearchListener;
import dev.harness.config.CandidateSpec;
import dev.harness.config.LoadedRecommendPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.cost.CandidateOutcome;
import dev.harness.cost.CatalogException;
import dev.harness.engine.EngineConfig;
import dev.harness.engine.EngineListener;
import dev.harness.report.RecommendTable;
import dev.harness.run.RecommendListener;
import dev.harness.run.RecommendPrices;
import dev.harness.run.RecommendRun;
import dev.harness.sim.SimProfileException;
import dev.harness.time.NanoClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harness recommend PLAN}: the cheapest deployment that meets the SLO, measured. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = {
      "Run the capacity search on every candidate deployment of a recommend plan (one after",
      "another unless the plan says parallel: true), rank the passing ones by monthly fleet",
      "cost for the declared traffic, list the rejected ones with their evidence, and print",
      "the sizing decision. Writes results/<run-id>/results.json (kind recommend) with each",
      "candidate's capacity results in candidates/<name>/, and report.html and summary.md",
      "(the ranking, rejections, decision and fleet cost chart). Plan format:",
      "docs/recommend.md."
    },
    footer = ExitCodes.HELP)
final class RecommendCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN", description = "Recommend plan (YAML).")
  Path planFile;

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
      description = "Print each candidate's expected search time and instance-hours, and the "
          + "totals; send nothing.")
  boolean dryRun;

  @Option(names = "--quiet", description = "No live progress.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    LoadedRecommendPlan loaded = new PlanLoader(System.getenv())
        .loadRecommend(planFile, new PlanOverrides(null, null, null, seed, out));
    for (String w : loaded.warnings()) {
      err.println("warning: " + w);
    }
    List<Path> bases = InstallDirs.bases();
    try {
      if (dryRun) {
        outW.print(RecommendDryRun.render(loaded.plan(),
            RecommendPrices.of(loaded.plan(), bases), bases));
        outW.flush();
        return ExitCodes.OK;
      }
      return execute(loaded, bases, outW, err);
    } catch (CatalogException | SimProfileException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
  }

  private int execute(LoadedRecommendPlan loaded, List<Path> bases, PrintWriter outW,
      PrintWriter err) throws Exception {
    RecommendRun run = RecommendRun.prepare(loaded.plan(), List.of(), System.getenv(),
        NanoClock.system(), Versions.harness(),
        eventLoops == null ? EngineConfig.defaultEventLoops() : eventLoops, bases);
    for (String w : run.warnings()) {
      err.println("warning: " + w);
    }
    int n = loaded.plan().candidates().size();
    err.printf("harness recommend: %s, %d candidate%s %s; results in %s%n",
        loaded.plan().base().name(), n, n == 1 ? "" : "s",
        loaded.plan().parallel() ? "at the same time" : "one after another", run.directory());
    err.flush();
    long waitMillis = loaded.plan().base().limits().requestTimeout().toMillis() + 20_000;
    InterruptHook hook = new InterruptHook(() -> run.stop("interrupted"), waitMillis);
    ProgressPrinter progress = new ProgressPrinter(err, ProgressPrinter.interactive());
    RecommendRun.Report report;
    try (hook) {
      report = run.execute(quiet ? RecommendListener.NONE : new CandidateLines(err, progress));
      progress.finish();
      outW.println();
      outW.print(RecommendTable.render(report.result()));
      outW.println("results: " + run.directory().toAbsolutePath());
      ReportCommand.write(report.result(), run.directory(), run.directory(), outW, err, false);
    }
    if (hook.interrupted()) {
      return ExitCodes.INTERRUPTED;
    }
    return report.ranking().decision().isPresent() ? ExitCodes.OK
        : ExitCodes.NO_SUSTAINABLE_RATE;
  }

  /** "candidate 2 of 5: ..." when a candidate starts and ends, and its search's steps. */
  private static final class CandidateLines implements RecommendListener {
    private final PrintWriter err;
    private final ProgressPrinter progress;
    private final SearchListener steps;

    CandidateLines(PrintWriter err, ProgressPrinter progress) {
      this.err = err;
      this.progress = progress;
      this.steps = new CapacityExecution.StepLines(err, progress);
    }

    @Override
    public synchronized void candidateStarting(int index, int count, CandidateSpec c) {
      progress.finish();
      err.printf(Locale.ROOT, "candidate %d of %d: %s (%s%s%s)%s%n", index + 1, count, c.name(),
          c.instanceType(), c.copies() > 1 ? ", " + c.copies() + " copies" : "",
          c.simulated() ? ", simulated" + (c.simSpeedup() != 1
              ? String.format(Locale.ROOT, " %.3gx faster", c.simSpeedup()) : "") : "",
          c.declaredIncompatible() ? " — declared incompatible, not run" : " …");
      err.flush();
    }

    @Override
    public synchronized void candidateFinished(int index, int count, CandidateSpec c,
        CandidateOutcome o, String notRunReason) {
      progress.finish();
      String what;
      if (o == null) {
        what = "not run: " + notRunReason;
      } else if (o.passed()) {
        what = String.format(Locale.ROOT, "passed: %.3g requests/s per instance [%.3g, %.3g]",
            o.capacity().pointRps(), o.capacity().lowRps(), o.capacity().highRps());
      } else {
        what = "rejected (" + o.rejection().reason().key() + "): " + o.rejection().evidence();
      }
      err.printf(Locale.ROOT, "candidate %d of %d: %s %s%n", index + 1, count, c.name(), what);
      err.flush();
    }

    @Override
    public SearchListener search(int index, CandidateSpec candidate) {
      return steps;
    }

    @Override
    public EngineListener engine(int index, CandidateSpec candidate) {
      return progress;
    }
  }
}
