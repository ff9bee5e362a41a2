package dev.harness.cli;

import dev.harness.config.LoadedRecommendPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.cost.CatalogException;
import dev.harness.run.RecommendPrices;
import dev.harness.sim.SimProfileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
      return RecommendExecution.execute(loaded, bases, eventLoops, quiet, outW, err,
          "harness recommend");
    } catch (CatalogException | SimProfileException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
  }
}
