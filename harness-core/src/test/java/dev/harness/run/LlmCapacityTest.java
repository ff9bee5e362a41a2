package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.capacity.SearchListener;
import dev.harness.capacity.SearchOutcome;
import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.engine.EngineListener;
import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import dev.harness.sim.SimProfile;
import dev.harness.sim.SimServer;
import dev.harness.sim.TestProfiles;
import dev.harness.time.NanoClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity search against the simulated LLM server (continuous batching, a KV cache that
 * holds about a dozen of the support chats, a waiting queue beyond that), with the server's
 * Prometheus metrics scraped: the curve shows the knee — throughput is capped by the saturation
 * throughput and past the sustainable rate goodput falls behind, while p99 TTFT and the server's
 * waiting queue climb — and across three seeds the answers agree.
 *
 * <p>One seed runs in CI (about two minutes); the three-seed agreement is tagged {@code nightly}
 * (about six minutes) and runs with {@code scripts/nightly.sh}.
 */
@Tag("load")
class LlmCapacityTest {
  @TempDir Path dir;

  @Test
  void theCurveShowsTheKnee() throws Exception {
    SimProfile profile = TestProfiles.llm(TestProfiles.ONE_A10G, 8.0);
    try (SimServer sim = SimServer.start(profile,
        SimServer.Options.loopback().withSeed(1).withKeepTruths(false))) {
      RunResult r = search(sim, 1);
      CapacityResult c = r.capacity();
      print(1, c);
      assertThat(c.status()).as(c.endReason())
          .isEqualTo(SearchOutcome.Status.FOUND.name().toLowerCase(Locale.ROOT));
      assertThat(c.saturationRps()).isPositive();
      assertThat(c.sustainable().lowestFail()).as("a failing rate").isNotNull();
      knee(r, c);
    }
  }

  @Test
  @Tag("nightly")
  void threeSeedsAgreeAndTheCurveShowsTheKnee() throws Exception {
    SimProfile profile = TestProfiles.llm(TestProfiles.ONE_A10G, 8.0);
    List<CapacityResult> results = new ArrayList<>();
    List<RunResult> runs = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      try (SimServer sim = SimServer.start(profile,
          SimServer.Options.loopback().withSeed(seed).withKeepTruths(false))) {
        RunResult r = search(sim, seed);
        runs.add(r);
        results.add(r.capacity());
      }
    }
    List<Double> points = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      CapacityResult c = results.get(i);
      print(i + 1, c);
      assertThat(c.status()).as("seed %d: %s", i + 1, c.endReason())
          .isEqualTo(SearchOutcome.Status.FOUND.name().toLowerCase(Locale.ROOT));
      assertThat(c.saturationRps()).isPositive();
      assertThat(c.sustainable().lowestFail()).as("seed %d found a failing rate", i + 1)
          .isNotNull();
      points.add(c.sustainable().pointEstimate());
      knee(runs.get(i), c);
    }
    // a step judges p95 on ~50-130 requests, so single verdicts near the knee vary from seed to
    // seed (a pass at the saturation rate happened in 1 of 3 seeds in CI); what must agree is the
    // capacity the server has and where the search puts the answer
    double min = points.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = points.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(max / min - 1).as("point estimates %s agree within 35 %%", points)
        .isLessThanOrEqualTo(0.35);
    double satMin = results.stream().mapToDouble(CapacityResult::saturationRps).min().orElseThrow();
    double satMax = results.stream().mapToDouble(CapacityResult::saturationRps).max().orElseThrow();
    assertThat(satMax / satMin - 1).as("saturation throughputs agree within 15 %%")
        .isLessThanOrEqualTo(0.15);
  }

  /** Past the answer the server falls behind: throughput flattens, TTFT and its queue climb. */
  private static void knee(RunResult r, CapacityResult c) {
    CapacityStep pass = null;
    CapacityStep fail = null;
    for (CapacityStep s : c.steps()) {
      if (s.offeredRps() == null) {
        continue;
      }
      if ("pass".equals(s.verdict()) && (pass == null || s.offeredRps() > pass.offeredRps())) {
        pass = s;
      }
      if ("fail".equals(s.verdict()) && (fail == null || s.offeredRps() > fail.offeredRps())) {
        fail = s;
      }
    }
    assertThat(pass).as("a passing step").isNotNull();
    assertThat(fail).as("a failing step").isNotNull();
    // throughput is capped: nothing sustained beats the closed-loop saturation throughput, and
    // past the knee the share of requests that still meet the objective (goodput) falls
    assertThat(c.sustainable().highestPass()).isLessThanOrEqualTo(c.saturationRps() * 1.05);
    assertThat(pass.goodputRps() / pass.achievedRps()).isGreaterThan(0.9);
    assertThat(fail.goodputRps() / fail.achievedRps())
        .isLessThan(pass.goodputRps() / pass.achievedRps());
    StepResult passStep = r.steps().get(pass.resultStep());
    StepResult failStep = r.steps().get(fail.resultStep());
    assertThat(failStep.latencies().get("ttft").p99Millis())
        .isGreaterThan(2 * passStep.latencies().get("ttft").p99Millis());
    assertThat(pass.serverMetrics()).containsKeys("requests_running.mean", "kv_cache_usage.mean");
    // some failing step shows a waiting queue longer than any passing step's (scrapes are once a
    // second, so one step's maximum alone can miss a short queue)
    assertThat(queueMax(c, "fail")).isGreaterThan(queueMax(c, "pass"));
  }

  private static double queueMax(CapacityResult c, String verdict) {
    return c.steps().stream()
        .filter(s -> s.offeredRps() != null && verdict.equals(s.verdict()))
        .mapToDouble(s -> s.serverMetrics().getOrDefault("requests_waiting.max", 0.0))
        .max().orElse(0);
  }

  private RunResult search(SimServer sim, long seed) throws Exception {
    Path payloads = Path.of("../payloads/chat-support.jsonl").toAbsolutePath().normalize();
    String yaml = String.join("\n",
        "name: llm-knee",
        "seed: " + seed,
        "target: {protocol: openai-chat, url: '" + sim.url() + "', model: test-7b, stream: true}",
        "payloads: {file: '" + payloads + "'}",
        "slo:",
        "  objectives:",
        "    - {metric: ttft, percentile: p95, threshold: 400ms}",
        "  max-error-rate: 0.01",
        "metrics: {prometheus: auto}",
        "capacity:",
        "  precision: 0.2",
        "  saturation-concurrency: 24",
        "  trial-duration: 7s",
        "  final-duration: 9s",
        "  max-step-duration: 10s",
        "  warmup: 2s",
        "  cooldown-timeout: 15s",
        "  max-duration: 4m",
        "limits: {request-timeout: 20s}",
        "output: '" + dir + "'");
    LoadedPlan loaded = new PlanLoader(Map.of()).parse(yaml, dir.resolve("plan.yaml"),
        PlanOverrides.none());
    CapacityRun run = CapacityRun.prepare(loaded.plan(), loaded.warnings(), Map.of(),
        NanoClock.system(), "test", 1);
    return run.execute(SearchListener.NONE, EngineListener.NONE).result();
  }

  private static void print(int seed, CapacityResult c) {
    CapacityResult.Sustainable s = c.sustainable();
    System.out.printf(Locale.ROOT, "llm capacity seed %d: saturation %.2f req/s, bracket [%s, %s],"
            + " point %s; %d steps; %s%n", seed, c.saturationRps(), s.highestPass(),
        s.lowestFail(), s.pointEstimate(), c.steps().size(), c.endReason());
    for (CapacityStep step : c.steps()) {
      System.out.printf(Locale.ROOT, "  %-10s %8s  ok %6.2f/s  n=%5d  queue max %s  %-12s %s%n",
          step.kind(), step.offeredRps() == null ? "×" + step.concurrency()
              : String.format(Locale.ROOT, "%.2f", step.offeredRps()),
          step.achievedRps(), step.scheduled(), step.serverMetrics().get("requests_waiting.max"),
          step.verdict(), step.reason());
    }
  }
}
