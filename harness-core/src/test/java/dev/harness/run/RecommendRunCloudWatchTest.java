package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.harness.config.LoadedRecommendPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.metrics.aws.AwsWireMock;
import dev.harness.metrics.cloudwatch.FakeCloudWatch;
import dev.harness.result.CapacityStep;
import dev.harness.result.RecommendationResult;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.time.NanoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recommend plan whose candidates carry {@code metrics.cloudwatch}: after each candidate's
 * search its CloudWatch figures (the real client against a fake CloudWatch) are joined to its own
 * steps, and the busy share at its highest passing rate is the ranking's utilisation.
 */
class RecommendRunCloudWatchTest {
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
  void eachCandidateGetsItsOwnEndpointsCloudWatchFiguresAndUtilisation() throws Exception {
    // two endpoints, one point per second around now: 30 % and 70 % busy on their one GPU
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int s = -30; s <= 180; s++) {
      Instant t = now.plusSeconds(s);
      cloudWatch.put("/aws/sagemaker/Endpoints", "GPUUtilization",
              Map.of("EndpointName", "ep-a", "VariantName", "AllTraffic"), t, 30)
          .put("/aws/sagemaker/Endpoints", "GPUUtilization",
              Map.of("EndpointName", "ep-b", "VariantName", "AllTraffic"), t, 70);
    }
    Path profile = dir.resolve("fast.yaml");
    Files.writeString(profile, String.join("\n",
        "name: fast",
        "kind: classic",
        "instance: {type: c6i.xlarge, vcpus: 4, memory-gib: 8}",
        "model: {name: scorer, servers: 1, service-time: exponential, mean: 2ms}", ""));
    String yaml = String.join("\n",
        "name: rec-cw",
        "payloads: {file: '" + RecommendRunTest.PAYLOADS + "'}",
        "output: '" + dir + "'",
        "traffic: {steady: 10/s, peak: 20/s}",
        "slo:",
        // a median far above a 2 ms service: each rung passes after a handful of requests, and
        // the generator may lag up to 100 ms (5 %) on a busy machine before a step is invalid
        "  objectives: [{metric: e2e, percentile: p50, threshold: 2s}]",
        "capacity: {ladder: [5, 10], trial-duration: 3s, final-duration: 3s,"
            + " max-step-duration: 4s, warmup: 1s, cooldown-timeout: 5s}",
        "candidates:",
        cwCandidate("a", profile, "ep-a"),
        cwCandidate("b", profile, "ep-b"),
        "");
    LoadedRecommendPlan loaded = new PlanLoader(Map.of()).parseRecommend(yaml,
        dir.resolve("plan.yaml"), PlanOverrides.none());
    RecommendRun run = RecommendRun.prepare(loaded.plan(), loaded.warnings(), Map.of(),
        NanoClock.system(), "test", 1, RecommendRunTest.BASES);

    RecommendRun.Report report = run.execute(RecommendListener.NONE);

    RecommendationResult rec = ResultsJson.read(report.directory()).recommendation();
    for (String[] c : new String[][] {{"a", "0.3"}, {"b", "0.7"}}) {
      double busy = Double.parseDouble(c[1]);
      RunResult search = ResultsJson.read(report.directory().resolve("candidates/" + c[0]));
      assertThat(search.capacity().steps()).isNotEmpty();
      for (CapacityStep s : search.capacity().steps()) {
        assertThat(s.serverMetrics().get("cloudwatch.gpu_busy.mean")).as("%s step %d: %s %s %s",
            c[0], s.index(), s.measuredSeconds(), s.serverMetrics(), search.warnings())
            .isCloseTo(busy, within(1e-9));
      }
      RecommendationResult.Candidate candidate = rec.candidates().stream()
          .filter(x -> x.name().equals(c[0])).findFirst().orElseThrow();
      assertThat(candidate.status()).as(candidate.evidence()).isEqualTo("passed");
      assertThat(candidate.serverMetrics().get("cloudwatch.gpu_busy.mean"))
          .isCloseTo(busy, within(1e-9));
      assertThat(candidate.serverUtilisation()).isCloseTo(busy, within(1e-9));
    }
    assertThat(cloudWatch.getMetricDataRequests()).hasSizeGreaterThanOrEqualTo(2);
  }

  private String cwCandidate(String name, Path profile, String endpoint) {
    return String.join("\n",
        "  - name: " + name,
        "    sim: '" + profile + "'",
        "    instance-type: c6i.xlarge",
        "    target: {protocol: http, url: 'http://sim/v1/score'}",
        "    metrics:",
        "      cloudwatch: {region: us-east-1, preset: sagemaker, endpoint-name: " + endpoint
            + ",",
        "        endpoint-url: '" + aws.url() + "', period: 1s, max-wait: 10s}");
  }
}
