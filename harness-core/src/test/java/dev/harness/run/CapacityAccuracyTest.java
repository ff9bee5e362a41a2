package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.harness.capacity.SearchListener;
import dev.harness.capacity.SearchOutcome;
import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.engine.EngineListener;
import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.sim.Queues;
import dev.harness.sim.SimProcess;
import dev.harness.time.NanoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity search against queues whose sustainable rate is known exactly: the simulator runs
 * an M/M/c queue in its own JVM, the objective is "p99 ≤ T" with T the exact p99 at a chosen load,
 * so the exact answer λ* is that load (from {@link Queues}: Erlang C and the M/M/c response-time
 * tail). For three seeds each, the search's bracket [highest pass, lowest fail] must contain λ*
 * (the fail bound no lower than the answer with 1 ms of loopback delivery added to every
 * request), with both bounds confirmed at full length, and its point estimate must be within 15 %
 * of λ*; the bracket's width is printed.
 *
 * <p>Why these figures. M/M/1 at μ = 1000/s with λ* at 70 % load (T = 15.4 ms): at ±10 % of λ*
 * the share over T is 0.34 % and 2.9 %, which 10–20 s steps of correlated queue latencies can
 * tell from 1 %. M/M/2 at μ = 500/s per server with λ* at 85 % load (T = 31.4 ms): the waiting
 * time dominates the tail there (at 70 % load the service-time tail alone is a large part of the
 * 1 %). T stays well above the machine's own delivery noise (a few ms at worst on a busy 2-core
 * VM); a faster server would shrink T into that noise, a slower one needs longer steps. The
 * requested precision is 20 %: measured here, rates within ±4–8 % of λ* stay inconclusive at 20 s
 * steps (bench/RESULTS.md), so 10 % would need steps of a minute or more, too long for CI.
 *
 * <p>When the load generator itself falls behind (a busy machine), the search ends
 * "generator-limited" and the run says nothing about accuracy: the test is then skipped, with the
 * reason, rather than passed. A host that steals CPU from this VM (steal time 8-30 % was seen)
 * can also delay responses without delaying the generator: the search then completes with fail
 * bounds below λ* (once [623, 741] against 850). Until the harness judges such steps invalid
 * itself, the test is tagged {@code nightly} ({@code scripts/nightly.sh}, about ten minutes, on a
 * quiet machine) rather than run on every commit.
 */
@Tag("load")
@Tag("nightly")
class CapacityAccuracyTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "M/M/1, μ = 1000/s, answer at 70 % load, seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void theBracketContainsTheExactMm1Answer(long seed) throws Exception {
    check(1, 1000, 0.70, 0.20, seed);
  }

  @ParameterizedTest(name = "M/M/2, μ = 500/s per server, answer at 85 % load, seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void theBracketContainsTheExactMmcAnswer(long seed) throws Exception {
    check(2, 500, 0.85, 0.20, seed);
  }

  private void check(int servers, double mu, double loadAtAnswer, double precision, long seed)
      throws Exception {
    double t = Queues.responseQuantile(servers, mu, loadAtAnswer * servers * mu, 0.01);
    String threshold = String.format(Locale.ROOT, "%.4f", t * 1000);
    double exact = Queues.sustainableRate(servers, mu, Double.parseDouble(threshold) / 1000, 0.01);
    long meanMicros = Math.round(1e6 / mu);
    try (SimProcess sim = SimProcess.classic(servers, "exponential", meanMicros, 1000 + seed,
        null)) {
      Path payloads = Path.of("../payloads/chat-support.jsonl").toAbsolutePath().normalize();
      String yaml = String.join("\n",
          "name: mm" + servers + "-accuracy",
          "seed: " + seed,
          "target: {protocol: http, url: '" + sim.url() + "/v1/score'}",
          "payloads: {file: '" + payloads + "'}",
          "slo:",
          "  objectives: [{metric: e2e, percentile: p99, threshold: " + threshold + "ms}]",
          "capacity:",
          "  precision: " + precision,
          "  trial-duration: 5s",
          "  final-duration: 10s",
          "  max-step-duration: 20s",
          "  warmup: 1s",
          "  max-duration: 5m",
          "output: '" + dir + "'");
      LoadedPlan loaded = new PlanLoader(Map.of()).parse(yaml, dir.resolve("plan.yaml"),
          PlanOverrides.none());
      CapacityRun run = CapacityRun.prepare(loaded.plan(), loaded.warnings(), Map.of(),
          NanoClock.system(), "test", 1);
      long start = System.nanoTime();
      CapacityRun.Report report = run.execute(SearchListener.NONE, EngineListener.NONE);
      double wall = (System.nanoTime() - start) / 1e9;

      CapacityResult c = report.result().capacity();
      CapacityResult.Sustainable s = c.sustainable();
      System.out.printf(Locale.ROOT,
          "capacity accuracy M/M/%d mu=%.0f seed %d: exact %.1f req/s (p99 <= %s ms); "
              + "bracket [%s, %s] width %s, point %s (error %s); %d steps, %.0f s; %s%n",
          servers, mu, seed, exact, threshold, s.highestPass(), s.lowestFail(),
          s.relativeWidth() == null ? "-" : String.format(Locale.ROOT, "%.1f%%",
              100 * s.relativeWidth()),
          s.pointEstimate(),
          s.pointEstimate() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%",
              100 * (s.pointEstimate() / exact - 1)),
          c.steps().size(), wall, c.endReason());
      for (CapacityStep step : c.steps()) {
        System.out.printf(Locale.ROOT, "  %-6s %8.1f req/s  n=%6d  %-12s %s%n", step.kind(),
            step.offeredRps() == null ? 0.0 : step.offeredRps(), step.scheduled(), step.verdict(), step.reason());
      }
      assumeThat(report.outcome().status())
          .as("the load generator fell behind (a busy machine): %s", c.endReason())
          .isNotEqualTo(SearchOutcome.Status.GENERATOR_LIMITED);
      assertThat(report.outcome().status()).isEqualTo(SearchOutcome.Status.FOUND);
      assertThat(s.highestPass()).as("highest pass").isLessThanOrEqualTo(exact);
      // The harness measures what a client sees: the queue's response time plus the loopback
      // delivery (0.5-0.9 ms excess at p99 measured in LoadEngineTest). With up to 1 ms of it the
      // exact answer is that of T - 1 ms, up to ~3 % lower at these loads; a fail a hair below
      // the pure queue's λ* is that, not an error.
      double exactWithDelivery = Queues.sustainableRate(servers, mu,
          Double.parseDouble(threshold) / 1000 - 0.001, 0.01);
      assertThat(s.lowestFail()).as("lowest fail").isNotNull()
          .isGreaterThanOrEqualTo(exactWithDelivery);
      assertThat(s.passConfirmed() && s.failConfirmed()).as("both bounds confirmed").isTrue();
      assertThat(s.pointEstimate() / exact - 1).as("point estimate's error")
          .isBetween(-0.15, 0.15);
      // The width is printed, not asserted yet: the search now refines around rates that stay
      // inconclusive at full length (BracketSearchTest proves it on a fake endpoint), but every
      // real run of this test in the session that added it was disturbed by a busy host (steal
      // time 8-30 %), so its real-run behaviour is not yet measured. Assert it once it is.
      assertThat(Files.exists(run.directory().resolve("results.json"))).isTrue();
    }
  }
}
