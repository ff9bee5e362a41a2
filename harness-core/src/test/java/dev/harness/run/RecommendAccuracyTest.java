package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.harness.config.LoadedRecommendPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.cost.CandidateOutcome;
import dev.harness.cost.CapacityBracket;
import dev.harness.cost.RankedCandidate;
import dev.harness.cost.Ranking;
import dev.harness.cost.RejectionReason;
import dev.harness.sim.Queues;
import dev.harness.time.NanoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking of {@code harness recommend} against the ground truth of the simulator's own model.
 *
 * <p>Three simulated candidates are exponential c-server queues (M/M/c), started in-process by the
 * recommendation itself from profile files; the shared objective is "p99 e2e ≤ 150 ms", so each
 * one's exact sustainable rate is λ* = {@link Queues#sustainableRate}(c, μ, 0.150, 0.01): small
 * (M/M/1, μ = 80/s) 49.3/s, medium (M/M/1, μ = 125/s) 94.3/s, large (M/M/2, μ = 100/s per
 * server) 168.5/s, at 62 %, 75 % and 84 % utilisation, where the tail grows fast with the rate
 * (d ln P(T &gt; t) / d ln λ = λt ≥ 7), so a little latency noise moves the measured rate little.
 * For 120 requests/s all day, no redundancy, the exact fleets are 3, 2 and 1
 * instances; at $1.00, $1.40 and $3.50 an hour they cost 3.00, 2.80 and 3.50 $/h: small and
 * medium are within 15 % of each other (7 %), yet the exact order is medium, small, large. The
 * exact ranking is the cost package's ranking of the exact rates ({@link
 * CapacityBracket#exactly}); the harness's comes from its measurements. Each fleet keeps its size
 * for any measured rate within ±20 % of λ* (the search's precision), so a correct measurement
 * gives the exact order.
 *
 * <p>The rule: for every pair whose exact costs differ, the harness must rank the cheaper one
 * first, unless it ranks them equal (a tie: their measured monthly cost ranges overlap), and then
 * both exact costs must lie within the span of the two measured ranges — a tie is allowed only
 * where the measurement's own uncertainty covers the truth. The chosen candidate must be the
 * exact cheapest or tied with it.
 *
 * <p>When the load generator falls behind (a busy machine) a candidate ends generator-limited and
 * the run says nothing about accuracy: the test is then skipped with the reason.
 */
@Tag("load")
class RecommendAccuracyTest {
  private static final double THRESHOLD_SECONDS = 0.150;
  private static final double LOAD_RPS = 120;

  /** name, servers, μ per server (1/s), price per hour. */
  private record Queue(String name, int servers, double mu, double pricePerHour) {
    double exactRps() {
      return Queues.sustainableRate(servers, mu, THRESHOLD_SECONDS, 0.01);
    }
  }

  private static final List<Queue> QUEUES = List.of(
      new Queue("small", 1, 80, 1.00),
      new Queue("medium", 1, 125, 1.40),
      new Queue("large", 2, 100, 3.50));

  @TempDir Path dir;

  @Test
  void theRankingOfMeasuredCandidatesIsTheRankingOfTheExactAnswers() throws Exception {
    StringBuilder candidates = new StringBuilder();
    StringBuilder catalog = new StringBuilder("types:\n");
    for (Queue q : QUEUES) {
      Path profile = dir.resolve(q.name() + ".yaml");
      Files.writeString(profile, String.join("\n",
          "name: " + q.name(),
          "kind: classic",
          "instance: {type: gt-" + q.name() + ", vcpus: 4, memory-gib: 8}",
          "model: {name: scorer, servers: " + q.servers() + ", service-time: exponential, mean: "
              + Math.round(1e6 / q.mu()) + "us}", ""));
      catalog.append(String.format(Locale.ROOT,
          "  gt-%s: {vcpus: 4, memory-gib: 8, price-per-hour: %.2f}%n", q.name(),
          q.pricePerHour()));
      candidates.append(String.format(Locale.ROOT, "  - {name: %s, sim: '%s', instance-type: "
          + "gt-%s, target: {protocol: http, url: 'http://sim/v1/score'}}%n", q.name(), profile,
          q.name()));
    }
    Files.writeString(dir.resolve("prices.yaml"), catalog.toString());
    String yaml = String.join("\n",
        "name: ground-truth",
        "payloads: {file: '" + RecommendRunTest.PAYLOADS + "'}",
        "slo:",
        "  objectives: [{metric: e2e, percentile: p99, threshold: 150ms}]",
        "capacity: {precision: 0.2, trial-duration: 4s, final-duration: 5s,",
        "           max-step-duration: 8s, warmup: 1s, cooldown-timeout: 5s, max-duration: 55s}",
        "traffic: {steady: " + (int) LOAD_RPS + "/s, peak: " + (int) LOAD_RPS
            + "/s, redundancy: 0}",
        "catalog: prices.yaml",
        "output: '" + dir + "'",
        "candidates:",
        candidates.toString());
    LoadedRecommendPlan loaded = new PlanLoader(Map.of()).parseRecommend(yaml,
        dir.resolve("plan.yaml"), PlanOverrides.none());
    long start = System.nanoTime();
    RecommendRun.Report report = RecommendRun.prepare(loaded.plan(), loaded.warnings(), Map.of(),
        NanoClock.system(), "test", 1, RecommendRunTest.BASES).execute(RecommendListener.NONE);
    double wall = (System.nanoTime() - start) / 1e9;

    Ranking measured = report.ranking();
    List<CandidateOutcome> exactOutcomes = new ArrayList<>();
    for (Queue q : QUEUES) {
      exactOutcomes.add(CandidateOutcome.passed(q.name(), "gt-" + q.name(), 1, 0,
          q.pricePerHour(), CapacityBracket.exactly(q.exactRps()), null, null, null));
    }
    Ranking exact = Ranking.of(exactOutcomes, CostInputs.traffic(loaded.plan().traffic()));
    print(exact, measured, wall);

    assumeThat(measured.rejected())
        .as("the load generator fell behind (a busy machine)")
        .noneMatch(c -> c.rejection().reason() == RejectionReason.GENERATOR_LIMITED);
    assertThat(measured.rejected()).as("every candidate meets the SLO at some rate").isEmpty();
    // the design: two candidates within 15 % of each other in cost, in a determined order
    assertThat(exact.ranked()).extracting(RankedCandidate::name)
        .containsExactly("medium", "small", "large");
    double medium = exact.ranked().get(0).fleet().monthlyCost();
    double small = exact.ranked().get(1).fleet().monthlyCost();
    assertThat((small - medium) / medium).isBetween(0.0, 0.15);

    for (RankedCandidate a : exact.ranked()) {
      for (RankedCandidate b : exact.ranked()) {
        if (!(a.fleet().monthlyCost() < b.fleet().monthlyCost())) {
          continue;
        }
        RankedCandidate ma = find(measured, a.name());
        RankedCandidate mb = find(measured, b.name());
        if (ma.rank() != mb.rank()) {
          assertThat(ma.position()).as("%s (exact $%.0f) before %s (exact $%.0f)", a.name(),
              a.fleet().monthlyCost(), b.name(), b.fleet().monthlyCost())
              .isLessThan(mb.position());
        } else {
          double low = Math.min(ma.monthlyCost().low(), mb.monthlyCost().low());
          double high = Math.max(ma.monthlyCost().high(), mb.monthlyCost().high());
          assertThat(List.of(a.fleet().monthlyCost(), b.fleet().monthlyCost()))
              .as("%s and %s are tied: the measured ranges [%.0f, %.0f] must cover the exact "
                  + "costs", a.name(), b.name(), low, high)
              .allMatch(c -> c >= low && c <= high);
        }
      }
    }
    String chosen = measured.decision().orElseThrow().chosen().name();
    RankedCandidate exactFirst = exact.ranked().get(0);
    assertThat(chosen.equals(exactFirst.name())
        || find(measured, exactFirst.name()).rank() == 1)
        .as("chosen %s, exact cheapest %s", chosen, exactFirst.name()).isTrue();
  }

  private static RankedCandidate find(Ranking r, String name) {
    return r.ranked().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError(name + " is not ranked: " + r.rejected()));
  }

  private static void print(Ranking exact, Ranking measured, double wall) {
    System.out.printf(Locale.ROOT, "recommend accuracy (%.0f s):%n", wall);
    for (RankedCandidate e : exact.ranked()) {
      RankedCandidate m = measured.ranked().stream().filter(c -> c.name().equals(e.name()))
          .findFirst().orElse(null);
      System.out.printf(Locale.ROOT, "  %-7s exact %.1f/s x%d $%.0f | measured %s%n", e.name(),
          e.rpsPerInstance(), e.fleet().steadyInstances(), e.fleet().monthlyCost(),
          m == null ? "rejected" : String.format(Locale.ROOT,
              "[%.1f, %.1f, %.1f]/s x%d $%.0f (%.0f-%.0f) rank %d", m.candidate().capacity()
                  .lowRps(), m.candidate().capacity().pointRps(), m.candidate().capacity()
                  .highRps(), m.fleet().steadyInstances(), m.fleet().monthlyCost(),
              m.monthlyCost().low(), m.monthlyCost().high(), m.rank()));
    }
    measured.rejected().forEach(c -> System.out.println("  rejected " + c.name() + ": "
        + c.rejection().evidence()));
  }
}
