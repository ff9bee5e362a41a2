package dev.harness.run;

import dev.harness.config.RecommendPlan;
import dev.harness.cost.AutoscalingBounds;
import dev.harness.cost.CandidateOutcome;
import dev.harness.cost.CapacityBracket;
import dev.harness.cost.Comparison;
import dev.harness.cost.CostRange;
import dev.harness.cost.Decision;
import dev.harness.cost.InstanceType;
import dev.harness.cost.RankedCandidate;
import dev.harness.cost.Ranking;
import dev.harness.cost.Traffic;
import dev.harness.cost.Warning;
import dev.harness.result.RecommendationResult;
import dev.harness.result.RecommendationResult.Candidate;
import dev.harness.result.RecommendationResult.DecisionSummary;
import dev.harness.result.RecommendationResult.Range;
import dev.harness.result.RecommendationResult.Versus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code recommendation} of results.json from the ranking and each candidate's result. */
final class RecommendationAssembler {
  private RecommendationAssembler() {}

  static RecommendationResult assemble(RecommendPlan plan, RecommendPrices prices,
      List<CandidateRunner.Result> results, Ranking ranking, List<String> extraWarnings) {
    List<Candidate> candidates = new ArrayList<>();
    for (CandidateRunner.Result r : results) {
      candidates.add(candidate(r, prices, ranking));
    }
    List<String> warnings = new ArrayList<>();
    Optional<Decision> decision = ranking.decision();
    decision.ifPresent(d -> d.warnings().stream().map(Warning::text).forEach(warnings::add));
    warnings.addAll(prices.catalog().warnings());
    warnings.addAll(extraWarnings);
    Traffic t = ranking.traffic();
    List<String> files = new ArrayList<>();
    for (Path f : prices.catalog().files()) {
      files.add(f.toString());
    }
    return new RecommendationResult(
        new RecommendationResult.TrafficSummary(t.steadyRps(), t.peakRps(), t.peakHoursPerDay(),
            t.growth(), t.minInstances(), t.redundancy()),
        plan.platform().key(),
        new RecommendationResult.CatalogSummary(files, prices.catalog().region()),
        candidates,
        ranking.ranked().stream().map(RankedCandidate::name).toList(),
        decision.map(RecommendationAssembler::decision).orElse(null),
        ranking.nothingFits(),
        warnings);
  }

  private static Candidate candidate(CandidateRunner.Result r, RecommendPrices prices,
      Ranking ranking) {
    InstanceType type = prices.type(r.spec());
    CandidateOutcome o = r.outcome();
    RankedCandidate ranked = o == null ? null : ranking.ranked().stream()
        .filter(x -> x.name().equals(o.name())).findFirst().orElse(null);
    String status = o == null ? "not-run" : o.passed() ? "passed" : "rejected";
    CapacityBracket b = o == null ? null : o.capacity();
    CostRange cost = ranked == null ? null : ranked.monthlyCost();
    return new Candidate(
        r.spec().name(),
        r.spec().instanceType(),
        r.spec().copies(),
        prices.gpusPerCopy(r.spec()),
        prices.pricePerHour(r.spec()),
        type.taken() == null ? null : type.taken().toString(),
        type.source(),
        r.spec().notes(),
        status,
        ranked == null ? null : ranked.position(),
        ranked == null ? null : ranked.rank(),
        ranked == null ? List.of() : ranked.tiedWith(),
        b == null ? null : new Range(b.lowRps(), b.pointRps(), b.highRps()),
        ranked == null ? null : ranked.rpsPerCopy(),
        ranked == null ? null : ranked.rpsPerGpu(),
        o == null ? null : o.p99MillisAtSustainable(),
        r.extras().p99TtftMillis(),
        o == null ? null : o.outputTokensPerSec(),
        o == null ? null : o.medianOutputTokens(),
        r.extras().serverMetrics() == null ? Map.of() : r.extras().serverMetrics(),
        ranked == null ? null : ranked.costPer1kInferences(),
        ranked == null ? null : ranked.costPer1MOutputTokens(),
        cost == null ? null : new Range(cost.low(), cost.point(), cost.high()),
        ranked == null ? null : ranked.fleet().steadyInstances(),
        ranked == null ? null : ranked.fleet().peakInstances(),
        o == null || o.rejection() == null ? null : o.rejection().reason().key(),
        o == null || o.rejection() == null ? null : o.rejection().evidence(),
        r.notRunReason(),
        r.resultsDir(),
        r.coldStart());
  }

  private static DecisionSummary decision(Decision d) {
    AutoscalingBounds a = d.autoscaling();
    return new DecisionSummary(d.chosen().name(), d.chosen().candidate().instanceType(),
        d.steadyInstances(), d.peakInstances(), a.min(), a.max(), a.redundancy(),
        Double.isFinite(a.burstFactor()) ? a.burstFactor() : null, a.growth(), a.minSizedAtRps(), a.maxSizedAtRps(), d.monthlyCost(),
        versus(d.runnerUp()), versus(d.biggest()));
  }

  private static Versus versus(Comparison c) {
    return c == null ? null : new Versus(c.candidate(), c.instanceType(), c.steadyInstances(),
        c.peakInstances(), c.monthlyCost(), c.deltaMonthly(), c.deltaPercent(),
        c.costPer1kInferences(), c.tied());
  }
}
