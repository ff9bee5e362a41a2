package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.capacity.SearchListener;
import dev.harness.capacity.StepKind;
import dev.harness.capacity.StepReport;
import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.engine.EngineListener;
import dev.harness.record.RequestLog;
import dev.harness.record.RequestRecord;
import dev.harness.result.CapacityStep;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import dev.harness.sim.SimServer;
import dev.harness.sim.TestProfiles;
import dev.harness.time.NanoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole capacity search on the real engine against the simulator (an M/M/1 queue, μ = 200/s)
 * with short steps: what it writes, not how precise it is (that is the load-tagged accuracy test).
 */
class CapacityRunTest {
  @TempDir Path dir;

  @Test
  void aShortSearchWritesTheCurveTheVerdictsAndEveryRequestOfEveryStep() throws Exception {
    try (SimServer sim = SimServer.start(
        TestProfiles.classic(1, "exponential", Duration.ofMillis(5)),
        SimServer.Options.loopback())) {
      Path payloads = Path.of("../payloads/chat-support.jsonl").toAbsolutePath().normalize();
      String yaml = String.join("\n",
          "name: mm1",
          "target: {protocol: http, url: 'http://127.0.0.1:" + sim.port() + "/v1/score'}",
          "payloads: {file: '" + payloads + "'}",
          "slo:",
          "  objectives: [{metric: e2e, percentile: p90, threshold: 40ms}]",
          "capacity:",
          "  precision: 0.25",
          "  trial-duration: 2s",
          "  final-duration: 3s",
          "  max-step-duration: 4s",
          "  warmup: 1s",
          "  max-duration: 40s",
          "output: '" + dir + "'");
      LoadedPlan loaded = new PlanLoader(Map.of()).parse(yaml, dir.resolve("plan.yaml"),
          PlanOverrides.none());
      CapacityRun run = CapacityRun.prepare(loaded.plan(), loaded.warnings(), Map.of(),
          NanoClock.system(), "test", 1);
      int[] started = {0};
      CapacityRun.Report report = run.execute(new SearchListener() {
        @Override
        public void stepStarting(int index, dev.harness.capacity.StepPlan plan) {
          started[0]++;
        }
      }, EngineListener.NONE);

      RunResult r = ResultsJson.read(run.directory());
      assertThat(r).isEqualTo(report.result());
      assertThat(r.kind()).isEqualTo("capacity");
      List<CapacityStep> steps = r.capacity().steps();
      assertThat(steps).hasSize(started[0]).isNotEmpty();
      assertThat(r.capacity().idleLatencyMillis()).isPositive();
      // the first rate comes from the idle latency: half of what one connection sustains
      assertThat(steps.get(0).offeredRps()).isBetween(10.0, 400.0);
      for (CapacityStep s : steps) {
        StepResult window = r.steps().get(s.resultStep());
        assertThat(window.scheduled()).isEqualTo(s.scheduled());
        assertThat(s.warmupStep()).isEqualTo(s.resultStep() - 1);
        assertThat(s.checks()).extracting(c -> c.metric()).containsExactly("e2e", "errors");
        assertThat(s.verdict()).isIn("pass", "fail", "inconclusive", "invalid");
        assertThat(s.measuredSeconds()).isBetween(1.9, 4.5);
        // a step that ended early says so in its results.json step too
        assertThat(window.durationSeconds()).isCloseTo(s.measuredSeconds(),
            org.assertj.core.api.Assertions.within(1e-6));
      }
      // requests.bin holds every request of every warm-up and window, on one time base
      List<RequestRecord> records = RequestLog.read(run.directory().resolve("requests.bin"));
      long scheduled = r.steps().stream().mapToLong(StepResult::scheduled).sum();
      assertThat(records).hasSize((int) scheduled);
      for (int i = 1; i < r.steps().size(); i++) {
        assertThat(r.steps().get(i).startOffsetSeconds())
            .isGreaterThan(r.steps().get(i - 1).startOffsetSeconds());
      }
      assertThat(Files.readString(run.directory().resolve("latency.hlog")))
          .contains("warmup-e2e");
      List<StepReport> history = report.outcome().steps();
      assertThat(history).allMatch(h -> h.plan().kind() != StepKind.SATURATION);
      assertThat(r.capacity().endReason()).isNotBlank();
      if (r.capacity().sustainable().lowestFail() != null
          && r.capacity().sustainable().highestPass() != null) {
        assertThat(r.capacity().sustainable().lowestFail())
            .isGreaterThan(r.capacity().sustainable().highestPass());
      }
    }
  }
}
