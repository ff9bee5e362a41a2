package dev.harness.metrics.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.harness.config.CloudWatchSpec;
import dev.harness.metrics.Sample;
import dev.harness.metrics.Series;
import dev.harness.metrics.aws.AwsWireMock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real CloudWatch SDK client against a fake CloudWatch (CBOR) on 127.0.0.1. */
class CloudWatchSourceTest {
  static final String EP = "/aws/sagemaker/Endpoints";
  static final String SM = "AWS/SageMaker";
  static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  static final Instant T3 = T0.plusSeconds(180);
  static final Map<String, String> DIMS = Map.of("EndpointName", "llm-7b", "VariantName", "blue");

  static final FakeCloudWatch cloudWatch = new FakeCloudWatch();
  static AwsWireMock aws;

  FakeTime time = new FakeTime(T3.plusSeconds(70));
  List<String> progress = new ArrayList<>();

  @BeforeAll
  static void start() {
    aws = new AwsWireMock(cloudWatch);
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @BeforeEach
  void reset() {
    aws.server().resetAll();
    cloudWatch.reset();
    cloudWatch.install(aws.server());
  }

  CloudWatchSpec sageMaker() {
    return CloudWatchSpec.sageMaker("us-east-1", "llm-7b", "blue").withGpus(4)
        .withEndpointUrl(aws.url());
  }

  CloudWatchSource open(CloudWatchSpec spec) {
    return CloudWatchSource.builder(spec)
        .credentials(AwsWireMock.credentials())
        .clock(time)
        .pause(time)
        .progress(progress::add)
        .open();
  }

  /** Three minutes of every SageMaker metric, values growing minute by minute. */
  void publishSageMakerMinutes() {
    for (int i = 0; i < 3; i++) {
      Instant t = T0.plusSeconds(60L * i);
      cloudWatch.put(EP, "GPUUtilization", DIMS, t, 300 + i)
          .put(EP, "GPUMemoryUtilization", DIMS, t, 200)
          .put(EP, "CPUUtilization", DIMS, t, 150)
          .put(EP, "MemoryUtilization", DIMS, t, 40)
          .put(SM, "Invocations", DIMS, t, 600 + i)
          .put(SM, "ModelLatency", DIMS, t, 120_000)
          .put(SM, "OverheadLatency", DIMS, t, 4_500)
          .put(SM, "Invocation4XXErrors", DIMS, t, 0)
          .put(SM, "Invocation5XXErrors", DIMS, t, 2);
    }
  }

  static Series series(List<Series> all, String name) {
    return all.stream().filter(s -> s.name().equals(name) && s.labels().isEmpty()).findFirst()
        .orElseThrow(() -> new AssertionError("no series " + name + " in " + all));
  }

  static List<Double> values(Series s) {
    return s.points().stream().map(Sample::value).toList();
  }

  @Test
  void getMetricDataAsksForEachSageMakerMetricWithItsNamespaceDimensionsPeriodAndStatistic() {
    publishSageMakerMinutes();
    try (CloudWatchSource cw = open(sageMaker())) {
      cw.fetch(T0, T3);
    }
    List<LoggedRequest> sent = aws.server().findAll(
        postRequestedFor(urlPathEqualTo(FakeCloudWatch.PREFIX + "GetMetricData")));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getHeader("smithy-protocol")).isEqualTo("rpc-v2-cbor");
    assertThat(sent.get(0).getHeader("Content-Type")).isEqualTo("application/cbor");
    assertThat(sent.get(0).getHeader("Authorization")).contains("AWS4-HMAC-SHA256")
        .contains(AwsWireMock.ACCESS_KEY).doesNotContain(AwsWireMock.SECRET);

    JsonNode body = cloudWatch.getMetricDataRequests().get(0);
    assertThat(body.get("StartTime").asLong()).isEqualTo(T0.getEpochSecond());
    assertThat(body.get("EndTime").asLong()).isEqualTo(T3.getEpochSecond());
    Map<String, String> statByMetric = new HashMap<>();
    Map<String, String> namespaceByMetric = new HashMap<>();
    for (JsonNode q : body.get("MetricDataQueries")) {
      JsonNode stat = q.get("MetricStat");
      JsonNode metric = stat.get("Metric");
      assertThat(stat.get("Period").asInt()).isEqualTo(60);
      Map<String, String> dims = new HashMap<>();
      metric.get("Dimensions").forEach(d -> dims.put(d.get("Name").asText(),
          d.get("Value").asText()));
      assertThat(dims).isEqualTo(DIMS);
      statByMetric.put(metric.get("MetricName").asText(), stat.get("Stat").asText());
      namespaceByMetric.put(metric.get("MetricName").asText(), metric.get("Namespace").asText());
    }
    assertThat(statByMetric).containsOnly(
        Map.entry("GPUUtilization", "Average"), Map.entry("GPUMemoryUtilization", "Average"),
        Map.entry("CPUUtilization", "Average"), Map.entry("MemoryUtilization", "Average"),
        Map.entry("Invocations", "Sum"), Map.entry("ModelLatency", "Average"),
        Map.entry("OverheadLatency", "Average"), Map.entry("Invocation4XXErrors", "Sum"),
        Map.entry("Invocation5XXErrors", "Sum"));
    assertThat(namespaceByMetric.get("GPUUtilization")).isEqualTo(EP);
    assertThat(namespaceByMetric.get("MemoryUtilization")).isEqualTo(EP);
    assertThat(namespaceByMetric.get("Invocations")).isEqualTo(SM);
    assertThat(namespaceByMetric.get("ModelLatency")).isEqualTo(SM);
  }

  @Test
  void sageMakerFiguresArrivePerGpuAndInMilliseconds() {
    publishSageMakerMinutes();
    List<Series> s;
    try (CloudWatchSource cw = open(sageMaker())) {
      s = cw.fetch(T0, T3);
    }
    Series busy = series(s, "gpu_busy");
    assertThat(busy.unit()).isEqualTo("ratio");
    assertThat(busy.points()).extracting(Sample::time)
        .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
    // summed over 4 GPUs: 300 % → 0.75 per GPU
    assertThat(values(busy)).usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0
        : Double.compare(a, b), Double.class).containsExactly(0.75, 0.7525, 0.755);
    assertThat(values(series(s, "GPUUtilization"))).containsExactly(300.0, 301.0, 302.0);
    assertThat(values(series(s, "gpu_memory_utilization"))).containsOnly(0.5);
    assertThat(series(s, "ModelLatency").unit()).isEqualTo("ms");
    assertThat(values(series(s, "ModelLatency"))).containsOnly(120.0);
    assertThat(values(series(s, "OverheadLatency"))).containsOnly(4.5);
    assertThat(values(series(s, "Invocations"))).containsExactly(600.0, 601.0, 602.0);
    assertThat(values(series(s, "Invocation5XXErrors"))).containsOnly(2.0);
    assertThat(values(series(s, "CPUUtilization"))).containsOnly(150.0);
  }

  @Test
  void onlyPeriodsStartingInsideTheWindowAreReturned() {
    publishSageMakerMinutes();
    List<Series> s;
    try (CloudWatchSource cw = open(sageMaker())) {
      s = cw.fetch(T0.plusSeconds(30), T0.plusSeconds(150));
    }
    assertThat(series(s, "Invocations").points()).extracting(Sample::time)
        .containsExactly(T0.plusSeconds(60), T0.plusSeconds(120));
    JsonNode body = cloudWatch.getMetricDataRequests().get(0);
    assertThat(body.get("StartTime").asLong()).isEqualTo(T0.plusSeconds(60).getEpochSecond());
    assertThat(body.get("EndTime").asLong()).isEqualTo(T3.getEpochSecond());
  }

  @Test
  void lateDataIsQueriedAgainUntilTheLastPeriodArrives() {
    publishSageMakerMinutes();
    // first answer lacks 12:02, the second has it
    cloudWatch.publishUpTo(T0.plusSeconds(120), T3);
    time = new FakeTime(T3.plusSeconds(5));
    FetchResult r;
    try (CloudWatchSource cw = open(sageMaker())) {
      r = cw.fetchResult(T0, T3);
    }
    assertThat(r.calls()).isEqualTo(2);
    assertThat(cloudWatch.getMetricDataRequests()).hasSize(2);
    assertThat(series(r.series(), "Invocations").points()).hasSize(3);
    assertThat(time.pauses()).containsExactly(CloudWatchSource.DEFAULT_POLL_INTERVAL);
    assertThat(progress)
        .containsExactly("waiting for CloudWatch data up to 12:03:00 UTC (0 s so far)");
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void dataStillLateWhenTheWaitEndsIsReturnedWithANote() {
    publishSageMakerMinutes();
    cloudWatch.publishUpTo(T0.plusSeconds(120));
    time = new FakeTime(T3.plusSeconds(5));
    Duration maxWait = Duration.ofSeconds(60);
    FetchResult r;
    try (CloudWatchSource cw = open(sageMaker().withTiming(Duration.ofSeconds(60), maxWait))) {
      r = cw.fetchResult(T0, T3);
    }
    // never waits past max-wait after the end of the last period
    assertThat(time.instant()).isBeforeOrEqualTo(T3.plus(maxWait));
    assertThat(time.instant()).isAfter(T3.plus(maxWait).minus(
        CloudWatchSource.DEFAULT_POLL_INTERVAL));
    assertThat(r.calls()).isGreaterThan(2);
    assertThat(progress).hasSize(r.calls() - 1);
    assertThat(progress.get(progress.size() - 1)).startsWith(
        "waiting for CloudWatch data up to 12:03:00 UTC (");
    assertThat(series(r.series(), "Invocations").points()).hasSize(2);
    assertThat(r.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("CloudWatch data up to 12:03:00 UTC still missing after")
        .contains("Invocations", "GPUUtilization"));
  }

  @Test
  void aFetchLongAfterTheWindowDoesNotWait() {
    publishSageMakerMinutes();
    cloudWatch.publishUpTo(T0.plusSeconds(120));
    time = new FakeTime(T3.plus(Duration.ofHours(1)));
    FetchResult r;
    try (CloudWatchSource cw = open(sageMaker())) {
      r = cw.fetchResult(T0, T3);
    }
    assertThat(r.calls()).isEqualTo(1);
    assertThat(time.pauses()).isEmpty();
    assertThat(progress).isEmpty();
  }

  @Test
  void missingDataGivesEmptySeriesAndNotesNeverAnException() {
    time = new FakeTime(T3.plus(Duration.ofHours(1)));
    FetchResult r;
    List<Series> fetched;
    try (CloudWatchSource cw = open(sageMaker())) {
      r = cw.fetchResult(T0, T3);
      fetched = cw.fetch(T0, T3);
      assertThat(cw.notes()).containsAll(r.notes());
    }
    assertThat(fetched).isEmpty();
    assertThat(r.series()).isNotEmpty().allSatisfy(s -> assertThat(s.points()).isEmpty());
    assertThat(r.series()).extracting(Series::name).contains("gpu_busy", "ModelLatency");
    assertThat(r.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("no CloudWatch data for /aws/sagemaker/Endpoints GPUUtilization")
        .contains("llm-7b"));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("no CloudWatch data for AWS/SageMaker Invocations"));
  }

  @Test
  void throttledCallsAreRetriedWithBackoffAndCounted() {
    publishSageMakerMinutes();
    cloudWatch.failNext("ThrottlingException", "ThrottlingException");
    FetchResult r;
    try (CloudWatchSource cw = open(sageMaker())) {
      r = cw.fetchResult(T0, T3);
      assertThat(cw.throttled()).isEqualTo(2);
      assertThat(cw.describe()).contains("3 calls", "2 throttled", "0 failed");
    }
    assertThat(r.calls()).isEqualTo(3);
    assertThat(r.throttled()).isEqualTo(2);
    assertThat(series(r.series(), "Invocations").points()).hasSize(3);
    assertThat(time.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void alwaysThrottledEndsWithANoteNotAnException() {
    publishSageMakerMinutes();
    cloudWatch.failNext("ThrottlingException", "ThrottlingException", "ThrottlingException",
        "ThrottlingException");
    FetchResult r;
    try (CloudWatchSource cw = CloudWatchSource.builder(sageMaker())
        .credentials(AwsWireMock.credentials()).clock(time).pause(time)
        .throttleRetries(2, Duration.ofMillis(500)).open()) {
      r = cw.fetchResult(T0, T3);
    }
    assertThat(r.calls()).isEqualTo(3);
    assertThat(r.throttled()).isEqualTo(3);
    assertThat(r.nonEmpty()).isEmpty();
    assertThat(time.pauses()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("GetMetricData throttled 3 times in a row; gave up"));
  }

  @Test
  void anotherErrorIsOneCallAndANote() {
    publishSageMakerMinutes();
    cloudWatch.failNext("InvalidParameterValueException");
    FetchResult r;
    try (CloudWatchSource cw = open(sageMaker())) {
      r = cw.fetchResult(T0, T3);
      assertThat(cw.describe()).contains("1 failed");
    }
    assertThat(r.calls()).isEqualTo(1);
    assertThat(r.throttled()).isZero();
    assertThat(r.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("GetMetricData failed: InvalidParameterValue")
        .contains("HTTP 400"));
  }

  @Test
  void pagesAreFollowedWithNextToken() {
    publishSageMakerMinutes();
    cloudWatch.pageSize(2);
    List<Series> s;
    try (CloudWatchSource cw = open(sageMaker())) {
      s = cw.fetch(T0, T3);
    }
    List<JsonNode> requests = cloudWatch.getMetricDataRequests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).has("NextToken")).isFalse();
    assertThat(requests.get(1).get("NextToken").asText()).isEqualTo("2");
    assertThat(values(series(s, "Invocations"))).containsExactly(600.0, 601.0, 602.0);
  }

  @Test
  void aWindowEndingBeforeItStartsIsRejected() {
    try (CloudWatchSource cw = open(sageMaker())) {
      assertThatThrownBy(() -> cw.fetch(T3, T0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(T0.toString());
    }
  }

  @Test
  void aWindowWithinOnePeriodReadsNothingAndSaysWhy() {
    FetchResult r;
    try (CloudWatchSource cw = open(sageMaker())) {
      r = cw.fetchResult(T0.plusSeconds(10), T0.plusSeconds(50));
    }
    assertThat(r.calls()).isZero();
    assertThat(r.notes()).singleElement().asString().contains("no CloudWatch period of 60 s");
  }

  @Test
  void startRecordsTheRunStartWithoutCallingCloudWatch() {
    try (CloudWatchSource cw = open(sageMaker())) {
      cw.start();
      time.pause(Duration.ofSeconds(5));
      cw.start();
      assertThat(cw.runStart()).isEqualTo(T3.plusSeconds(70));
      assertThat(cw.calls()).isZero();
    }
    assertThat(aws.server().getAllServeEvents()).isEmpty();
  }

  @Test
  void stepsShorterThanTwoPeriodsAreWarnedAbout() {
    try (CloudWatchSource cw = open(sageMaker())) {
      List<String> w = cw.warnings(List.of(
          new StepWindow("step 1", T0, T0.plusSeconds(90)),
          new StepWindow("step 2", T0, T0.plusSeconds(120))));
      assertThat(w).singleElement().asString().startsWith("step 1 lasts 1m30s")
          .contains("two CloudWatch periods");
    }
  }

  @Test
  void aSageMakerPeriodUnderAMinuteIsWarnedAbout() {
    try (CloudWatchSource cw = open(sageMaker().withTiming(Duration.ofSeconds(10),
        Duration.ZERO))) {
      assertThat(cw.warnings(List.of())).singleElement().asString()
          .contains("once a minute");
    }
  }

  @Test
  void describeAndNotesCarryNoSecret() {
    cloudWatch.failNext("AccessDeniedException");
    try (CloudWatchSource cw = open(sageMaker())) {
      cw.fetchResult(T0, T3);
      assertThat(cw.describe()).contains("llm-7b/blue", "us-east-1");
      assertThat(cw.toString() + cw.notes()).doesNotContain(AwsWireMock.SECRET)
          .doesNotContain(AwsWireMock.ACCESS_KEY);
    }
  }

  @Test
  void closeIsIdempotentAndAClosedSourceFetchesNothing() {
    CloudWatchSource cw = open(sageMaker());
    cw.close();
    cw.close();
    FetchResult r = cw.fetchResult(T0, T3);
    assertThat(r.calls()).isZero();
    assertThat(r.notes()).singleElement().asString().contains("closed");
  }
}
