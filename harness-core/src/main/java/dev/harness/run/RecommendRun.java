package dev.harness.run;

import dev.harness.config.CandidateSpec;
import dev.harness.config.PlanException;
import dev.harness.config.RecommendPlan;
import dev.harness.cost.CandidateOutcome;
import dev.harness.cost.CatalogException;
import dev.harness.cost.Ranking;
import dev.harness.payload.PayloadException;
import dev.harness.payload.PayloadSet;
import dev.harness.result.GeneratorSummary;
import dev.harness.result.PlanSummary;
import dev.harness.result.RecommendationResult;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.result.Totals;
import dev.harness.sim.SimProfileException;
import dev.harness.sim.SimProfiles;
import dev.harness.time.NanoClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One {@code harness recommend}: a capacity search per candidate deployment ({@link
 * CandidateRunner}), the candidates ranked by monthly fleet cost for the declared traffic ({@link
 * Ranking}), the sizing decision, all written to {@code <output>/<run-id>/results.json} (kind
 * "recommend") with each candidate's own capacity results in {@code candidates/<name>/}.
 * Candidates run one after another unless the plan says {@code parallel: true}. Ctrl-C ({@link
 * #stop}) ends the current search; it and the candidates after it are "not run", and everything
 * measured is still written.
 *
 * <pre>{@code
 * RecommendRun run = RecommendRun.prepare(plan, warnings, System.getenv(), clock, "1.0", loops,
 *     bases);
 * RecommendRun.Report report = run.execute(listener);
 * report.ranking().decision().ifPresent(...);
 * }</pre>
 */
public final class RecommendRun {
  private final RecommendPlan plan;
  private final RecommendPrices prices;
  private final List<String> warnings;
  private final NanoClock clock;
  private final String version;
  private final int eventLoops;
  private final Path directory;
  private final CandidateRunner runner;

  private RecommendRun(RecommendPlan plan, RecommendPrices prices, List<String> warnings,
      Map<String, String> env, NanoClock clock, String version, int eventLoops,
      List<Path> bases, Path directory) {
    this.plan = plan;
    this.prices = prices;
    this.warnings = warnings;
    this.clock = clock;
    this.version = version;
    this.eventLoops = eventLoops;
    this.directory = directory;
    this.runner = new CandidateRunner(plan, prices, env, clock, version, eventLoops, bases,
        directory);
  }

  /**
   * What a recommendation produced.
   *
   * @param result the top-level results (kind "recommend") as written
   * @param ranking the passing candidates ranked, the rejected ones with evidence
   * @param directory the run directory
   */
  public record Report(RunResult result, Ranking ranking, Path directory) {}

  /**
   * Prices every candidate from the catalog (bundled, found under {@code bases}, then the plan's
   * own files), finds every simulator profile, and creates the run directory; nothing is sent
   * yet.
   *
   * @param bases where shipped files are looked for: simulator profiles and the catalog
   */
  public static RecommendRun prepare(RecommendPlan plan, List<String> planWarnings,
      Map<String, String> env, NanoClock clock, String harnessVersion, int eventLoops,
      List<Path> bases) throws IOException, PlanException, CatalogException {
    RecommendPrices prices = RecommendPrices.of(plan, bases);
    for (int i = 0; i < plan.candidates().size(); i++) { // a missing profile fails now, not later
      CandidateSpec c = plan.candidates().get(i);
      if (c.simulated() && !c.declaredIncompatible()) {
        try {
          SimProfiles.resolve(c.simProfile(), bases);
        } catch (SimProfileException e) {
          throw new PlanException(plan.base().source(), 0, 0, "candidates[" + i + "].sim",
              e.getMessage());
        }
      }
    }
    List<String> warnings = new ArrayList<>(planWarnings);
    Path dir = RunInputs.createRunDirectory(plan.base(), clock);
    return new RecommendRun(plan, prices, warnings, Map.copyOf(env), clock, harnessVersion,
        eventLoops, List.copyOf(bases), dir);
  }

  public Path directory() {
    return directory;
  }

  /** Warnings of the plan and the catalog, to show before the run. */
  public List<String> warnings() {
    List<String> all = new ArrayList<>(warnings);
    all.addAll(prices.catalog().warnings());
    return all;
  }

  /** The candidates' prices and catalog facts. */
  public RecommendPrices prices() {
    return prices;
  }

  /** Stops the current search(es); candidates not yet started are not run. */
  public void stop(String reason) {
    runner.stop(reason);
  }

  /** Runs every candidate, ranks them and writes results.json; returns what was written. */
  public Report execute(RecommendListener listener)
      throws IOException, InterruptedException, PayloadException, PlanException {
    long startWall = clock.wallClockMillis();
    List<CandidateSpec> specs = plan.candidates();
    List<CandidateRunner.Result> results = new ArrayList<>();
    Throwable failure = null;
    try {
      if (plan.parallel()) {
        runParallel(listener, results);
      } else {
        for (int i = 0; i < specs.size(); i++) {
          results.add(runOne(i, listener));
        }
      }
    } catch (IOException | PayloadException | PlanException | RuntimeException | Error e) {
      failure = e;
    }
    for (int i = results.size(); i < specs.size(); i++) {
      results.add(CandidateRunner.notRun(specs.get(i), failure != null
          ? "not run: the recommendation stopped on an error (" + failure.getMessage() + ")"
          : "not run"));
    }
    List<CandidateOutcome> outcomes = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    for (CandidateRunner.Result r : results) {
      if (r.outcome() != null) {
        outcomes.add(r.outcome());
      }
      extra.addAll(r.warnings());
    }
    Ranking ranking = Ranking.of(outcomes, CostInputs.traffic(plan.traffic()));
    RecommendationResult rec =
        RecommendationAssembler.assemble(plan, prices, results, ranking, extra);
    RunResult result = result(rec, results, failure, startWall, clock.wallClockMillis());
    ResultsJson.write(result, directory);
    rethrow(failure);
    return new Report(result, ranking, directory);
  }

  private CandidateRunner.Result runOne(int i, RecommendListener listener)
      throws IOException, InterruptedException, PayloadException, PlanException {
    CandidateSpec c = plan.candidates().get(i);
    int n = plan.candidates().size();
    if (runner.stopReason() != null && !c.declaredIncompatible()) {
      CandidateRunner.Result r = CandidateRunner.notRun(c, runner.stopReason()
          + " before it started");
      listener.candidateFinished(i, n, c, null, r.notRunReason());
      return r;
    }
    listener.candidateStarting(i, n, c);
    CandidateRunner.Result r = runner.run(i, c, listener);
    listener.candidateFinished(i, n, c, r.outcome(), r.notRunReason());
    return r;
  }

  private void runParallel(RecommendListener listener, List<CandidateRunner.Result> results)
      throws IOException, InterruptedException, PayloadException, PlanException {
    int n = plan.candidates().size();
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "recommend-candidate");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<CandidateRunner.Result>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> runOne(index, listener)));
      }
      for (Future<CandidateRunner.Result> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof IOException) {
            throw (IOException) cause;
          }
          if (cause instanceof PayloadException) {
            throw (PayloadException) cause;
          }
          if (cause instanceof PlanException) {
            throw (PlanException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException("candidate failed: " + cause, cause);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private RunResult result(RecommendationResult rec, List<CandidateRunner.Result> results,
      Throwable failure, long startWall, long endWall) throws IOException, PayloadException {
    Map<String, Long> outcomes = new TreeMap<>();
    long scheduled = 0;
    long ok = 0;
    long tokens = 0;
    for (CandidateRunner.Result r : results) {
      if (r.totals() != null) {
        scheduled += r.totals().scheduled();
        ok += r.totals().succeeded();
        tokens += r.totals().outputTokens();
        r.totals().outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
      }
    }
    PlanSummary ps;
    dev.harness.result.PayloadSummary payloads;
    try (PayloadSet set = PayloadSet.open(plan.base().payloads().file(),
        plan.base().payloads().skipBadLines())) {
      RunFacts facts = new RunFacts(plan.base(), set, version);
      PlanSummary p = facts.planSummary();
      ps = new PlanSummary(p.file(), p.name(), p.protocol(), null, p.model(), p.stream(),
          List.of(), p.phases(), p.slo(), p.limits());
      payloads = facts.payloadSummary();
    }
    String stop = failure != null ? "internal error: " + failure : runner.stopReason();
    return new RunResult(RunResult.SCHEMA_VERSION, directory.getFileName().toString(),
        "recommend", Instant.ofEpochMilli(startWall), Instant.ofEpochMilli(endWall),
        stop != null, stop, plan.base().seed(), new RunFacts(plan.base(), null, version)
            .versions(),
        ps, payloads,
        new GeneratorSummary("netty", eventLoops, plan.base().limits().maxInFlight(),
            plan.base().limits().connections(), 0, 0, 0, 0, 0, 0),
        List.of(new RunResult.Anchor(0, startWall)), List.of(),
        new Totals(scheduled, ok, outcomes,
            scheduled == 0 ? 0 : (scheduled - ok) / (double) scheduled, tokens,
            (endWall - startWall) / 1000.0),
        warnings(), null, rec);
  }

  private static void rethrow(Throwable failure)
      throws IOException, PayloadException, PlanException {
    if (failure instanceof IOException) {
      throw (IOException) failure;
    }
    if (failure instanceof PayloadException) {
      throw (PayloadException) failure;
    }
    if (failure instanceof PlanException) {
      throw (PlanException) failure;
    }
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
  }
}
