package dev.harness.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanException;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.payload.PayloadException;
import dev.harness.record.Outcome;
import dev.harness.record.RequestLog;
import dev.harness.record.RequestRecord;
import dev.harness.result.RunResult;
import dev.harness.result.SdkSummary;
import dev.harness.result.StepResult;
import dev.harness.sim.RequestTruth;
import dev.harness.sim.SimProfile;
import dev.harness.sim.SimProfiles;
import dev.harness.sim.SimServer;
import dev.harness.time.NanoClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sagemaker protocols through the engine: the AWS SDK client as the transport, against the
 * simulator's SageMaker runtime routes (and WireMock for throttling), with dummy credentials from
 * the run's environment.
 */
class SageMakerPhaseRunTest {
  private static final Map<String, String> CREDENTIALS =
      Map.of("AWS_ACCESS_KEY_ID", "AKIDSAGEMAKERTEST01", "AWS_SECRET_ACCESS_KEY", "dummy/secret");

  @TempDir Path dir;

  private static final SimProfile.Instance GPU =
      new SimProfile.Instance("g5.2xlarge", "NVIDIA A10G", 1, 24, 8, 32);

  /** An LLM whose every decode step takes {@code step}; prefill 10 µs per token. */
  private static SimProfile llm(Duration step) {
    return new SimProfile("sm-llm", "test", GPU, 1.0, 1, null,
        new SimProfile.Llm("llama-3b", 6, 0.9, 524_288, 4, step, Duration.ofNanos(100_000),
            Duration.ofNanos(10_000), 256, 16, 0),
        null);
  }

  private static final String CHAT_LINES =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"}],\"max_tokens\":4}\n"
          + "{\"prompt\":\"Summarise the refund policy\",\"max_tokens\":6}\n";

  private LoadedPlan plan(String protocol, String endpoint, String url, String timeout,
      String payloadLines) throws Exception {
    Files.writeString(dir.resolve("payloads.jsonl"), payloadLines);
    String yaml =
        "name: sagemaker-test\n"
            + "target:\n"
            + "  protocol: " + protocol + "\n"
            + "  sagemaker: {endpoint: " + endpoint + ", region: us-east-1, endpoint-url: \""
            + url + "\"}\n"
            + "payloads: {file: payloads.jsonl, sampling: sequential}\n"
            + "phases:\n  - {type: constant, rate: 20, duration: 1s, arrival: uniform}\n"
            + "limits: {request-timeout: " + timeout + ", drain-timeout: 2s}\n";
    return new PlanLoader(Map.of())
        .parse(yaml, dir.resolve("plan.yaml"),
            new PlanOverrides(null, null, null, null, dir.resolve("out")));
  }

  private static PhaseRun prepare(LoadedPlan plan, Map<String, String> env) throws Exception {
    return PhaseRun.prepare(plan.plan(), plan.warnings(), env, NanoClock.system(), "test", 1);
  }

  private static List<RequestRecord> records(PhaseRun run) throws Exception {
    return RequestLog.read(run.directory().resolve("requests.bin"));
  }

  @Test
  void aStreamedRunHasOneSuccessPerRequestWithTtftBeforeTheEndAndTheSimulatorsTokens()
      throws Exception {
    try (SimServer sim = SimServer.start(llm(Duration.ofMillis(2)), SimServer.Options.loopback())) {
      PhaseRun run = prepare(
          plan("sagemaker-stream", sim.sageMakerEndpointName(), sim.url(), "3s", CHAT_LINES),
          CREDENTIALS);

      RunResult result = run.execute(p -> {});

      assertThat(result.totals().scheduled()).isEqualTo(20);
      assertThat(result.totals().succeeded()).isEqualTo(20);
      long simTokens = sim.truths().stream().mapToLong(RequestTruth::outputTokens).sum();
      assertThat(simTokens).isEqualTo(10 * 4 + 10 * 6);
      assertThat(result.totals().outputTokens()).isEqualTo(simTokens);
      StepResult step = result.steps().get(0);
      assertThat(step.latencies().get("ttft").n()).isEqualTo(20);
      assertThat(step.latencies().get("itl").n()).isPositive();
      List<RequestRecord> records = records(run);
      assertThat(records).extracting(RequestRecord::sequence)
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.LongStream.range(0, 20).boxed().collect(Collectors.toList()));
      assertThat(records).allSatisfy(r -> {
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.dispatched()).isGreaterThanOrEqualTo(r.intended());
        assertThat(r.flushed()).isGreaterThanOrEqualTo(r.dispatched());
        assertThat(r.firstByte()).isGreaterThan(r.flushed());
        assertThat(r.firstToken()).isGreaterThanOrEqualTo(r.firstByte());
        assertThat(r.firstToken()).isLessThan(r.lastByte());
      });
      assertThat(result.generator().transport()).isEqualTo("aws-sdk");
      SdkSummary sdk = result.generator().sdk();
      assertThat(sdk).isNotNull();
      assertThat(sdk.apiCalls()).isEqualTo(20);
      assertThat(sdk.retries()).isZero();
      assertThat(sdk.maxConcurrency()).isEqualTo(result.generator().maxInFlight());
      assertThat(sdk.timeToFirstByte().n()).isEqualTo(20);
    }
  }

  @Test
  void aWholeResponseRunSucceedsWithEndToEndLatencyOnly() throws Exception {
    try (SimServer sim = SimServer.start(llm(Duration.ofMillis(2)), SimServer.Options.loopback())) {
      PhaseRun run = prepare(
          plan("sagemaker", sim.sageMakerEndpointName(), sim.url(), "3s", CHAT_LINES),
          CREDENTIALS);

      RunResult result = run.execute(p -> {});

      assertThat(result.totals().succeeded()).isEqualTo(20);
      StepResult step = result.steps().get(0);
      assertThat(step.latencies().get("e2e").n()).isEqualTo(20);
      assertThat(step.latencies().containsKey("ttft") ? step.latencies().get("ttft").n() : 0L)
          .isZero();
      assertThat(sim.truths()).hasSize(20).allMatch(t -> t.status() == 200);
    }
  }

  @Test
  void requestsSlowerThanTheTimeoutEndOnceAsCensoredTimeoutsAtTheTimeout() throws Exception {
    try (SimServer sim =
        SimServer.start(llm(Duration.ofMillis(150)), SimServer.Options.loopback())) {
      PhaseRun run = prepare(
          plan("sagemaker-stream", sim.sageMakerEndpointName(), sim.url(), "100ms", CHAT_LINES),
          CREDENTIALS);

      RunResult result = run.execute(p -> {});

      assertThat(result.totals().scheduled()).isEqualTo(20);
      assertThat(result.totals().outcomes()).containsExactly(Map.entry("timeout", 20L));
      List<RequestRecord> records = records(run);
      assertThat(records).hasSize(20);
      assertThat(records).extracting(RequestRecord::sequence).doesNotHaveDuplicates();
      long timeout = Duration.ofMillis(100).toNanos();
      assertThat(records).allSatisfy(r -> {
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.censored()).isTrue();
        assertThat(r.e2eNanos()).isEqualTo(timeout);
      });
      StepResult step = result.steps().get(0);
      assertThat(step.latencies().get("e2e").n()).isEqualTo(20);
    }
  }

  @Test
  void aThrottlingStormThroughTheEngineIsAnHttp429PerRequestWithoutRetries() throws Exception {
    WireMockServer wireMock =
        new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    wireMock.start();
    try {
      String invoke = "/endpoints/llm-prod/invocations";
      wireMock.stubFor(post(urlPathEqualTo(invoke)).willReturn(aResponse().withStatus(400)
          .withHeader("Content-Type", "application/json")
          .withHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/")
          .withBody("{\"message\":\"Rate exceeded\"}")));
      PhaseRun run = prepare(
          plan("sagemaker", "llm-prod", "http://127.0.0.1:" + wireMock.port(), "3s", CHAT_LINES),
          CREDENTIALS);

      RunResult result = run.execute(p -> {});

      assertThat(result.totals().scheduled()).isEqualTo(20);
      assertThat(result.totals().outcomes()).containsExactly(Map.entry("http-429", 20L));
      assertThat(records(run)).hasSize(20)
          .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.HTTP_429));
      wireMock.verify(exactly(20), postRequestedFor(urlPathEqualTo(invoke)));
      assertThat(result.generator().sdk().retries()).isZero();
    } finally {
      wireMock.stop();
    }
  }

  @Test
  void missingCredentialsStopTheRunBeforeItStartsNamingTheSource() throws Exception {
    LoadedPlan plan = plan("sagemaker", "llm-prod", "http://127.0.0.1:9", "3s", CHAT_LINES);

    Throwable thrown = catchThrowable(() -> prepare(plan, Map.of("AWS_ACCESS_KEY_ID", "AKIDONLY")));

    assertThat(thrown).isInstanceOf(PlanException.class)
        .hasMessageContaining("target.sagemaker: no AWS credentials for the default chain")
        .hasMessageContaining("AWS_SECRET_ACCESS_KEY");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aBodyOverSixMegabytesIsRefusedBeforeTheRunNamingItsLine() throws Exception {
    String big = "x".repeat(6 * 1024 * 1024 + 1);
    LoadedPlan plan = plan("sagemaker", "llm-prod", "http://127.0.0.1:9", "3s",
        "{\"id\":\"small\",\"body\":{\"n\":1}}\n{\"id\":\"huge\",\"body\":\"" + big + "\"}\n");

    Throwable thrown = catchThrowable(() -> prepare(plan, CREDENTIALS));

    assertThat(thrown).isInstanceOf(PayloadException.class)
        .hasMessageContaining("payloads.jsonl:2: ")
        .hasMessageContaining("payload 'huge'")
        .hasMessageContaining("6 MB");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  private static Path shipped(String first, String... more) {
    return Path.of(System.getProperty("basedir", "."), "..").resolve(Path.of(first, more));
  }

  @Test
  void theShippedSageMakerExamplesNameTheEndpointTheirSimulatorServes() throws Exception {
    SimProfile gpu = SimProfiles.load(shipped("profiles", "sim", "sim-g5.2xlarge.yaml"));
    try (SimServer sim = SimServer.start(gpu, SimServer.Options.loopback())) {
      for (String example : List.of("sagemaker.yaml", "sagemaker-stream.yaml")) {
        LoadedPlan loaded = new PlanLoader(Map.of())
            .load(shipped("profiles", "examples", example),
                new PlanOverrides(URI.create(sim.url()), null, null, null, dir.resolve("out")));
        assertThat(loaded.plan().target().sageMaker().endpoint())
            .as(example).isEqualTo(sim.sageMakerEndpointName());
        assertThat(loaded.plan().target().url().toString())
            .as(example).startsWith(sim.url() + "/endpoints/" + sim.sageMakerEndpointName() + "/");
      }
    }
  }
}
