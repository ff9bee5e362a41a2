package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.harness.capacity.SearchListener;
import dev.harness.capacity.SearchOutcome;
import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.engine.EngineListener;
import dev.harness.metrics.aws.AwsWireMock;
import dev.harness.metrics.cloudwatch.FakeCloudWatch;
import dev.harness.result.CapacityStep;
import dev.harness.sim.SimServer;
import dev.harness.sim.TestProfiles;
import dev.harness.time.NanoClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capacity run with {@code metrics.cloudwatch}: the real CloudWatch client reads a fake
 * CloudWatch (WireMock, CBOR) once the search has ended, and each step gets the whole periods
 * inside its window as {@code cloudwatch.*} server metrics.
 */
class CapacityRunCloudWatchTest {
  private static final Map<String, String> DIMS =
      Map.of("EndpointName", "scorer", "VariantName", "AllTraffic");

  @TempDir Path dir;

  private final FakeCloudWatch cloudWatch = new FakeCloudWatch();
  private AwsWireMock aws;

  @BeforeEach
  void start() {
    aws = new AwsWireMock(cloudWatch);
    cloudWatch.install(aws.server());
    System.setProperty("aws.accessKeyId", AwsWireMock.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", AwsWireMock.SECRET);
  }

  @AfterEach
  void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    aws.close();
  }

  @Test
  void eachStepGetsCloudWatchsFiguresForItsWindow() throws Exception {
    // one point per second around now: 40 % busy summed over one GPU, 3.5 ms model latency
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int s = -30; s <= 120; s++) {
      Instant t = now.plusSeconds(s);
      cloudWatch.put("/aws/sagemaker/Endpoints", "GPUUtilization", DIMS, t, 40)
          .put("AWS/SageMaker", "ModelLatency", DIMS, t, 3500);
    }
    try (SimServer sim = SimServer.start(
        TestProfiles.classic(1, "exponential", Duration.ofMillis(2)),
        SimServer.Options.loopback())) {
      Path payloads = Path.of("../payloads/chat-support.jsonl").toAbsolutePath().normalize();
      String yaml = String.join("\n",
          "name: cw",
          "target: {protocol: http, url: '" + sim.url() + "/v1/score'}",
          "payloads: {file: '" + payloads + "'}",
          "slo:",
          "  objectives: [{metric: e2e, percentile: p90, threshold: 50ms}]",
          "metrics:",
          "  cloudwatch: {region: us-east-1, preset: sagemaker, endpoint-name: scorer,",
          "    endpoint-url: '" + aws.url() + "', period: 1s, max-wait: 10s}",
          "capacity:",
          "  strategy: ladder",
          "  ladder: [20, 40]",
          "  trial-duration: 4s",
          "  final-duration: 4s",
          "  max-step-duration: 4s",
          "  warmup: 1s",
          "output: '" + dir + "'");
      LoadedPlan loaded = new PlanLoader(Map.of()).parse(yaml, dir.resolve("plan.yaml"),
          PlanOverrides.none());
      CapacityRun run = CapacityRun.prepare(loaded.plan(), loaded.warnings(), Map.of(),
          NanoClock.system(), "test", 1);
      List<String> notes = new ArrayList<>();
      CapacityRun.Report report = run.execute(new SearchListener() {
        @Override
        public void note(String message) {
          notes.add(message);
        }
      }, EngineListener.NONE);

      assumeThat(report.outcome().status())
          .as("the load generator fell behind twice (a busy machine)")
          .isNotEqualTo(SearchOutcome.Status.GENERATOR_LIMITED);
      List<CapacityStep> steps = report.result().capacity().steps();
      // two rungs; a rung the generator fell behind on (a busy machine) is measured once more,
      // and every measured step, that one too, gets its own CloudWatch figures
      assertThat(steps).filteredOn(s -> !"invalid".equals(s.verdict()))
          .extracting(CapacityStep::offeredRps).containsExactly(20.0, 40.0);
      for (CapacityStep s : steps) {
        assertThat(s.serverMetrics().get("cloudwatch.gpu_busy.mean")).isCloseTo(0.4, within(1e-9));
        assertThat(s.serverMetrics().get("cloudwatch.ModelLatency.mean")) // µs → ms
            .isCloseTo(3.5, within(1e-9));
        // whole 1 s periods inside a 4 s window: at least 3
        assertThat(s.serverMetrics().get("cloudwatch.gpu_busy.n")).isBetween(3.0, 4.0);
      }
      assertThat(notes).anyMatch(n -> n.startsWith(
          "reading CloudWatch metrics for " + steps.size() + " step"));
      assertThat(cloudWatch.getMetricDataRequests()).isNotEmpty();
    }
  }
}
