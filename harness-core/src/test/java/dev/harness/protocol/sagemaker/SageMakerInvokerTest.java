package dev.harness.protocol.sagemaker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.harness.config.SageMakerTarget;
import dev.harness.protocol.RequestSpec;
import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;
import dev.harness.record.TokenCountSource;
import dev.harness.testing.RefusedPort;
import dev.harness.time.NanoClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The real AWS SDK client against WireMock on 127.0.0.1: signing, headers, errors, streams. */
class SageMakerInvokerTest {
  static final String ACCESS_KEY = "AKIDHARNESSTEST00001";
  static final String SECRET = "hArNeSs/SeCrEt+KeY/never-in-a-message-0001";
  static final String ENDPOINT = "llm-prod";
  static final String INVOKE = "/endpoints/" + ENDPOINT + "/invocations";
  static final String STREAM = "/endpoints/" + ENDPOINT + "/invocations-response-stream";

  static WireMockServer wireMock;

  @BeforeAll
  static void startWireMock() {
    wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    wireMock.start();
  }

  @AfterAll
  static void stopWireMock() {
    wireMock.stop();
  }

  @BeforeEach
  void reset() {
    wireMock.resetAll();
  }

  static URI wireMockUrl() {
    return URI.create("http://127.0.0.1:" + wireMock.port());
  }

  static SageMakerTarget target(URI url) {
    return new SageMakerTarget(ENDPOINT, "eu-west-1", null, false, null, null, null, null, url,
        "application/json", null);
  }

  static SageMakerInvoker invoker(SageMakerTarget target, boolean stream, NanoClock clock,
      Duration requestTimeout) {
    return SageMakerInvoker.open(
        target,
        new SageMakerInvoker.Options(stream, 64, Duration.ofSeconds(2), requestTimeout),
        clock,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)));
  }

  static SageMakerInvoker invoker(boolean stream) {
    return invoker(target(wireMockUrl()), stream, NanoClock.system(), Duration.ofSeconds(10));
  }

  static RequestSpec request(String body) {
    return new RequestSpec("POST", INVOKE, Map.of(), body.getBytes(StandardCharsets.UTF_8), 0, -1,
        -1);
  }

  static ResponseResult call(SageMakerInvoker invoker, String body) throws Exception {
    Recorded events = new Recorded();
    invoker.invoke(request(body), events);
    ResponseResult r = events.await();
    assertThat(events.doneCalls.get()).isEqualTo(1);
    return r;
  }

  @Test
  void requestsAreSignedWithSigV4ForTheSageMakerServiceAndRegion() throws Exception {
    wireMock.stubFor(post(urlPathEqualTo(INVOKE))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"score\":0.25}")));
    try (SageMakerInvoker invoker = invoker(false)) {
      ResponseResult r = call(invoker, "{\"features\":[1,2,3]}");
      assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
      assertThat(r.httpStatus()).isEqualTo(200);
    }
    List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathEqualTo(INVOKE)));
    assertThat(requests).hasSize(1);
    LoggedRequest sent = requests.get(0);
    String date = sent.getHeader("X-Amz-Date").substring(0, 8);
    assertThat(sent.getHeader("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 ")
        .contains("Credential=" + ACCESS_KEY + "/" + date + "/eu-west-1/sagemaker/aws4_request")
        .contains("SignedHeaders=")
        .contains("Signature=")
        .doesNotContain(SECRET);
    assertThat(sent.getUrl()).isEqualTo(INVOKE);
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(sent.getBodyAsString()).isEqualTo("{\"features\":[1,2,3]}");
  }

  @Test
  void configuredSageMakerHeadersAreSent() throws Exception {
    wireMock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(200)
        .withBody("{}")));
    SageMakerTarget t = new SageMakerTarget(ENDPOINT, "eu-west-1", null, false, "variant-b",
        "model-7.tar.gz", "component-1", "accept_eula=true", wireMockUrl(), "text/csv",
        "application/jsonlines");
    try (SageMakerInvoker invoker = invoker(t, false, NanoClock.system(), Duration.ofSeconds(10))) {
      assertThat(call(invoker, "1,2,3").outcome()).isEqualTo(Outcome.SUCCESS);
    }
    wireMock.verify(postRequestedFor(urlPathEqualTo(INVOKE))
        .withHeader("X-Amzn-SageMaker-Target-Variant", equalTo("variant-b"))
        .withHeader("X-Amzn-SageMaker-Target-Model", equalTo("model-7.tar.gz"))
        .withHeader("X-Amzn-SageMaker-Inference-Component", equalTo("component-1"))
        .withHeader("X-Amzn-SageMaker-Custom-Attributes", equalTo("accept_eula=true"))
        .withHeader("Content-Type", equalTo("text/csv"))
        .withHeader("Accept", equalTo("application/jsonlines")));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("throttling (header)", error(400, "ThrottlingException",
            "{\"message\":\"Rate exceeded\"}"), Outcome.HTTP_429,
            "throttled: ThrottlingException (HTTP 400): Rate exceeded"),
        Arguments.of("throttling (__type only)", aResponse().withStatus(400)
            .withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"),
            Outcome.HTTP_429, "throttled: ThrottlingException"),
        Arguments.of("model error 500", error(424, "ModelError",
            "{\"Message\":\"Received server error (500) from primary\",\"OriginalStatusCode\":500,"
                + "\"OriginalMessage\":\"CUDA out of memory\",\"LogStreamArn\":\"arn:log\"}"),
            Outcome.HTTP_5XX, "ModelError (HTTP 424): the model container answered HTTP 500: "
                + "CUDA out of memory"),
        Arguments.of("model error 400", error(424, "ModelError",
            "{\"Message\":\"Received client error (400)\",\"OriginalStatusCode\":400,"
                + "\"OriginalMessage\":\"prompt too long\"}"),
            Outcome.HTTP_4XX, "answered HTTP 400: prompt too long"),
        Arguments.of("model not ready", error(429, "ModelNotReadyException",
            "{\"Message\":\"Model is loading\"}"), Outcome.HTTP_429,
            "model not ready: ModelNotReadyException (HTTP 429): Model is loading"),
        Arguments.of("service unavailable", error(503, "ServiceUnavailable",
            "{\"message\":\"Service Unavailable\"}"), Outcome.HTTP_5XX,
            "ServiceUnavailable (HTTP 503)"),
        Arguments.of("internal failure", error(500, "InternalFailure",
            "{\"message\":\"internal\"}"), Outcome.HTTP_5XX, "InternalFailure (HTTP 500)"),
        Arguments.of("validation", error(400, "ValidationError",
            "{\"message\":\"Endpoint llm-prod of account 1 not found.\"}"), Outcome.HTTP_4XX,
            "ValidationError (HTTP 400): Endpoint llm-prod of account 1 not found."));
  }

  static ResponseDefinitionBuilder error(int status, String type, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon/")
        .withBody(body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void everySageMakerErrorMapsToItsOutcome(
      String name, ResponseDefinitionBuilder response, Outcome outcome, String detail)
      throws Exception {
    wireMock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(response));
    try (SageMakerInvoker invoker = invoker(false)) {
      ResponseResult r = call(invoker, "{}");
      assertThat(r.outcome()).isEqualTo(outcome);
      assertThat(r.detail()).contains(detail).doesNotContain(SECRET);
    }
    wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(INVOKE)));
  }

  @Test
  void aStreamedJsonLineAndACharacterSplitAcrossPartsAreReassembled() throws Exception {
    byte[] lines = ("{\"token\":{\"text\":\"Caf\u00e9\"},\"details\":null}\n"
        + "{\"token\":{\"text\":\" au\"},\"details\":null}\n"
        + "{\"token\":{\"text\":\" lait\"},\"generated_text\":\"Caf\u00e9 au lait\","
        + "\"details\":{\"generated_tokens\":3}}\n").getBytes(StandardCharsets.UTF_8);
    int inE = indexOf(lines, (byte) 0xc3) + 1; // inside é
    int inSecondLine = indexOf(lines, (byte) '\n') + 10;
    Frames frames = new Frames()
        .part(new byte[0])
        .part(Arrays.copyOfRange(lines, 0, inE))
        .part(Arrays.copyOfRange(lines, inE, inSecondLine))
        .part(Arrays.copyOfRange(lines, inSecondLine, lines.length));
    wireMock.stubFor(post(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/vnd.amazon.eventstream")
        .withBody(frames.bytes())));
    TickClock clock = new TickClock();
    Recorded events = new Recorded();
    try (SageMakerInvoker invoker =
        invoker(target(wireMockUrl()), true, clock, Duration.ofSeconds(10))) {
      invoker.invoke(request("{\"inputs\":\"x\"}"), events);
      ResponseResult r = events.await();
      assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.SUCCESS);
      assertThat(r.outputTokens()).isEqualTo(3);
      assertThat(r.tokenSource()).isEqualTo(TokenCountSource.USAGE);
      // one clock reading per callback: sending, first byte, empty part, half of line 1, the
      // part that completes line 1 (the first token), ...
      assertThat(events.firstByteCalls.get()).isEqualTo(1);
      assertThat(events.sendingNanos.get()).isEqualTo(events.firstByteNanos.get() - 1);
      assertThat(r.firstTokenNanos()).isEqualTo(events.firstByteNanos.get() + 3);
      assertThat(r.chunkNanos()).hasSize(2);
      assertThat(Arrays.stream(r.chunkTokens()).sum()).isEqualTo(3);
      assertThat(events.lastByteNanos.get()).isGreaterThan(r.chunkNanos()[1]);
    }
    wireMock.verify(postRequestedFor(urlPathEqualTo(STREAM)));
  }

  @Test
  void aModelStreamErrorEventIsAStreamError() throws Exception {
    Frames frames = new Frames()
        .part("{\"token\":{\"text\":\"a\"}}\n")
        .exception("ModelStreamError",
            "{\"Message\":\"generation crashed\",\"ErrorCode\":\"ModelStreamError\"}");
    wireMock.stubFor(post(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/vnd.amazon.eventstream")
        .withBody(frames.bytes())));
    try (SageMakerInvoker invoker = invoker(true)) {
      ResponseResult r = call(invoker, "{}");
      assertThat(r.outcome()).isEqualTo(Outcome.STREAM_ERROR);
      assertThat(r.detail()).contains("ModelStreamError").contains("generation crashed");
    }
  }

  @Test
  void aStreamWithoutAnyPartIsIncomplete() throws Exception {
    wireMock.stubFor(post(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/vnd.amazon.eventstream")));
    try (SageMakerInvoker invoker = invoker(true)) {
      ResponseResult r = call(invoker, "{}");
      assertThat(r.outcome()).isEqualTo(Outcome.STREAM_INCOMPLETE);
    }
  }

  @Test
  void aThrottlingStormGivesOneOutcomePerRequestAndNoRetries() throws Exception {
    wireMock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(error(400, "ThrottlingException",
        "{\"message\":\"Rate exceeded\"}")));
    List<Recorded> all = new ArrayList<>();
    try (SageMakerInvoker invoker = invoker(false)) {
      for (int i = 0; i < 50; i++) {
        Recorded events = new Recorded();
        all.add(events);
        invoker.invoke(request("{\"i\":" + i + "}"), events);
      }
      for (Recorded events : all) {
        assertThat(events.await().outcome()).isEqualTo(Outcome.HTTP_429);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> invoker.sdkMetrics().apiCalls() == 50);
      assertThat(invoker.sdkMetrics().retries()).isZero();
    }
    assertThat(all).allSatisfy(e -> assertThat(e.doneCalls.get()).isEqualTo(1));
    wireMock.verify(exactly(50), postRequestedFor(urlPathEqualTo(INVOKE)));
  }

  @Test
  void sdkMetricsShowNoRequestWaitingForAConnectionSlot() throws Exception {
    wireMock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(200)
        .withBody("{}")));
    try (SageMakerInvoker invoker = invoker(false)) {
      for (int i = 0; i < 3; i++) {
        assertThat(call(invoker, "{}").outcome()).isEqualTo(Outcome.SUCCESS);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> invoker.sdkMetrics().apiCalls() == 3);
      SdkMetrics m = invoker.sdkMetrics();
      assertThat(m.concurrencyAcquireMicros().getTotalCount()).isEqualTo(3);
      assertThat(m.timeToFirstByteMicros().getTotalCount()).isEqualTo(3);
      assertThat(m.apiCallMicros().getTotalCount()).isEqualTo(3);
      assertThat(m.maxPendingAcquires()).isZero();
    }
  }

  @Test
  void aCancelledCallNeverReportsAnEnd() throws Exception {
    wireMock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(200)
        .withFixedDelay(5_000).withBody("{}")));
    Recorded events = new Recorded();
    try (SageMakerInvoker invoker = invoker(false)) {
      SageMakerCall call = invoker.invoke(request("{}"), events);
      await().atMost(Duration.ofSeconds(5))
          .until(() -> wireMock.findAll(postRequestedFor(urlPathEqualTo(INVOKE))).size() == 1);
      assertThat(call.cancel()).isTrue();
      assertThat(call.cancel()).isFalse();
      assertThat(call.isDone()).isTrue();
      // cancelling completes the SDK's future at once, which would have delivered onDone
      assertThat(events.doneCalls.get()).isZero();
    }
    assertThat(events.doneCalls.get()).isZero();
  }

  @Test
  void aCallThatEndedCannotBeCancelled() throws Exception {
    wireMock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(200)
        .withBody("{}")));
    Recorded events = new Recorded();
    try (SageMakerInvoker invoker = invoker(false)) {
      SageMakerCall call = invoker.invoke(request("{}"), events);
      assertThat(events.await().outcome()).isEqualTo(Outcome.SUCCESS);
      assertThat(call.cancel()).isFalse();
    }
    assertThat(events.doneCalls.get()).isEqualTo(1);
  }

  @Test
  void noResponseWithinTheRequestTimeoutIsATimeout() throws Exception {
    wireMock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(200)
        .withFixedDelay(5_000).withBody("{}")));
    try (SageMakerInvoker invoker =
        invoker(target(wireMockUrl()), false, NanoClock.system(), Duration.ofMillis(300))) {
      ResponseResult r = call(invoker, "{}");
      assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
    }
  }

  @Test
  void aRefusedConnectionIsAConnectError() throws Exception {
    // In about one full test run in three, the SDK's Netty pool reports nothing for a refused
    // connection until its API-call timeout (an SDK-side race we could not pin down; alone the
    // test never shows it). Such an attempt ends as a TIMEOUT — still one failure, never a
    // success — and a fresh client is tried; a harness that misclassifies refusals fails all three.
    List<String> seen = new ArrayList<>();
    try (RefusedPort refused = new RefusedPort()) {
      for (int attempt = 1; attempt <= 3; attempt++) {
        try (SageMakerInvoker invoker = invoker(target(URI.create(refused.url(""))), false,
            NanoClock.system(), Duration.ofSeconds(2))) {
          Recorded events = new Recorded();
          invoker.invoke(request("{}"), events);
          ResponseResult r = events.await();
          assertThat(events.firstByteCalls.get()).isZero();
          assertThat(r.outcome()).as(r.detail()).isIn(Outcome.CONNECT_ERROR, Outcome.TIMEOUT);
          if (r.outcome() == Outcome.CONNECT_ERROR) {
            assertThat(r.detail()).contains("Connect");
            return;
          }
          seen.add(r.outcome() + " (" + r.detail() + ")");
        }
      }
    }
    throw new AssertionError("a refused connection was never reported as a connect error: "
        + seen);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("byte not found");
  }

  /** A clock that advances one nanosecond per reading. */
  static final class TickClock implements NanoClock {
    private final AtomicLong now = new AtomicLong(1_000);

    @Override
    public long nanoTime() {
      return now.getAndIncrement();
    }

    @Override
    public long wallClockMillis() {
      return 0;
    }
  }
}
