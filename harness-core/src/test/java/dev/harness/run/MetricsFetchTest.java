package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.harness.capacity.SearchListener;
import dev.harness.config.LoadedPlan;
import dev.harness.config.Plan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.engine.EngineListener;
import dev.harness.metrics.aws.AwsWireMock;
import dev.harness.metrics.cloudwatch.FakeCloudWatch;
import dev.harness.result.CapacityStep;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.sim.SimServer;
import dev.harness.sim.TestProfiles;
import dev.harness.time.NanoClock;
import java.nio.file.Files;
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
 * {@code harness metrics fetch} in core: a capacity run whose CloudWatch data had not arrived by
 * the end of the search is read again once it has (the real client against a fake CloudWatch).
 */
class MetricsFetchTest {
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

  private Plan plan(String simUrl, boolean withCloudWatch) throws Exception {
    Path payloads = Path.of("../payloads/chat-support.jsonl").toAbsolutePath().normalize();
    String yaml = String.join("\n",
        "name: late",
        "target: {protocol: http, url: '" + simUrl + "/v1/score'}",
        "payloads: {file: '" + payloads + "'}",
        "slo:",
        "  objectives: [{metric: e2e, percentile: p50, threshold: 2s}]",
        withCloudWatch ? "metrics:" : "",
        withCloudWatch ? "  cloudwatch: {region: us-east-1, preset: sagemaker, endpoint-name:"
            + " scorer, endpoint-url: '" + aws.url() + "', period: 1s, max-wait: 1s}" : "",
        "capacity: {ladder: [10, 20], trial-duration: 3s, final-duration: 3s,"
            + " max-step-duration: 4s, warmup: 1s}",
        "output: '" + dir + "'", "");
    LoadedPlan loaded = new PlanLoader(Map.of()).parse(yaml, dir.resolve("plan.yaml"),
        PlanOverrides.none());
    return loaded.plan();
  }

  private static Path search(Plan plan) throws Exception {
    CapacityRun run = CapacityRun.prepare(plan, List.of(), Map.of(), NanoClock.system(), "test",
        1);
    return run.execute(SearchListener.NONE, EngineListener.NONE).directory();
  }

  @Test
  void lateDataIsJoinedToEachStepAndTheOldResultsAreKept() throws Exception {
    try (SimServer sim = SimServer.start(
        TestProfiles.classic(1, "exponential", Duration.ofMillis(2)),
        SimServer.Options.loopback())) {
      Plan plan = plan(sim.url(), true);
      Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Path run = search(plan); // CloudWatch has nothing yet
      RunResult first = ResultsJson.read(run);
      assertThat(first.capacity().steps()).isNotEmpty().allSatisfy(s ->
          assertThat(s.serverMetrics()).doesNotContainKey("cloudwatch.gpu_busy.mean"));
      byte[] original = Files.readAllBytes(run.resolve("results.json"));

      // the data arrives: 55 % busy on the endpoint's one GPU, one point a second
      for (Instant t = before.minusSeconds(5); t.isBefore(Instant.now().plusSeconds(5));
          t = t.plusSeconds(1)) {
        cloudWatch.put("/aws/sagemaker/Endpoints", "GPUUtilization", DIMS, t, 55);
      }
      List<String> progress = new ArrayList<>();
      MetricsFetch.Outcome o = MetricsFetch.fetch(run, plan, progress::add);

      assertThat(o.steps()).isEqualTo(first.capacity().steps().size());
      assertThat(o.stepsWithData()).isEqualTo(o.steps());
      RunResult rewritten = ResultsJson.read(run);
      assertThat(rewritten).isEqualTo(o.result());
      for (CapacityStep s : rewritten.capacity().steps()) {
        assertThat(s.serverMetrics().get("cloudwatch.gpu_busy.mean")).isCloseTo(0.55,
            within(1e-9));
        // whole 1 s periods inside a window of at least 3 s
        assertThat(s.serverMetrics().get("cloudwatch.gpu_busy.n")).isGreaterThanOrEqualTo(2.0);
      }
      assertThat(rewritten.steps()).isEqualTo(first.steps());
      assertThat(rewritten.capacity().sustainable()).isEqualTo(first.capacity().sustainable());
      assertThat(run.resolve(MetricsFetch.BACKUP)).hasBinaryContent(original);
      assertThat(o.backup()).isEqualTo(run.resolve(MetricsFetch.BACKUP));
      assertThat(progress).anyMatch(p -> p.startsWith("reading CloudWatch metrics for "
          + o.steps() + " step(s) of " + rewritten.runId()));
      assertThat(run.resolve("results.json.tmp")).doesNotExist();
    }
  }

  @Test
  void aRunWithoutACloudWatchSourceIsRefusedAndLeftAlone() throws Exception {
    try (SimServer sim = SimServer.start(
        TestProfiles.classic(1, "exponential", Duration.ofMillis(2)),
        SimServer.Options.loopback())) {
      Plan plan = plan(sim.url(), false);
      Path run = search(plan);
      byte[] original = Files.readAllBytes(run.resolve("results.json"));

      assertThatThrownBy(() -> MetricsFetch.fetch(run, plan, m -> { }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the run had no CloudWatch source")
          .hasMessageContaining("no metrics.cloudwatch section");
      assertThat(run.resolve("results.json")).hasBinaryContent(original);
      assertThat(run.resolve(MetricsFetch.BACKUP)).doesNotExist();
      assertThat(cloudWatch.getMetricDataRequests()).isEmpty();
    }
  }
}
