package dev.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.config.SageMakerTarget;
import dev.harness.protocol.RequestSpec;
import dev.harness.protocol.ResponseResult;
import dev.harness.protocol.sagemaker.SageMakerEvents;
import dev.harness.protocol.sagemaker.SageMakerInvoker;
import dev.harness.record.Outcome;
import dev.harness.record.TokenCountSource;
import dev.harness.time.NanoClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The simulator's SageMaker runtime routes, called by the real AWS SDK over real sockets. */
class SageMakerRoutesTest {

  private static SageMakerInvoker invoker(SimServer sim, String endpoint, boolean stream) {
    SageMakerTarget target = new SageMakerTarget(endpoint, "us-east-1", null, false, null, null,
        null, null, URI.create(sim.url()), "application/json", null);
    return SageMakerInvoker.open(target,
        new SageMakerInvoker.Options(stream, 16, Duration.ofSeconds(2), Duration.ofSeconds(10)),
        NanoClock.system(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSIM", "sim-secret")));
  }

  private static CompletableFuture<ResponseResult> send(SageMakerInvoker invoker, String body) {
    CompletableFuture<ResponseResult> done = new CompletableFuture<>();
    invoker.invoke(
        new RequestSpec("POST", "/", Map.of(), body.getBytes(StandardCharsets.UTF_8), 0, -1, -1),
        new SageMakerEvents() {
          @Override
          public void onFirstByte(long nanos) {}

          @Override
          public void onDone(ResponseResult result, long lastByteNanos) {
            done.complete(result);
          }
        });
    return done;
  }

  private static ResponseResult call(SageMakerInvoker invoker, String body) throws Exception {
    return send(invoker, body).get(10, TimeUnit.SECONDS);
  }

  @Test
  void theEndpointNameIsTheProfileNameMadeValid() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback())) {
      assertThat(sim.sageMakerEndpointName()).isEqualTo("test-llm");
    }
    SimProfile dotted = new SimProfile("sim-g5.2xlarge", "d", TestProfiles.ONE_A10G, 1, 1, null,
        TestProfiles.fastLlm().llm(), null);
    assertThat(SageMakerRoutes.endpointName(dotted)).isEqualTo("sim-g5-2xlarge");
  }

  @Test
  void streamedTokensMatchWhatTheSimulatorProduced() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback());
        SageMakerInvoker invoker = invoker(sim, sim.sageMakerEndpointName(), true)) {
      List<CompletableFuture<ResponseResult>> calls = new ArrayList<>();
      int[] asked = {1, 5, 7, 12};
      for (int n : asked) {
        calls.add(send(invoker, "{\"inputs\":\"hello there, how are you\","
            + "\"parameters\":{\"max_new_tokens\":" + n + "}}"));
      }
      List<Integer> received = new ArrayList<>();
      for (CompletableFuture<ResponseResult> c : calls) {
        ResponseResult r = c.get(10, TimeUnit.SECONDS);
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.tokenSource()).isEqualTo(TokenCountSource.USAGE);
        assertThat(Arrays.stream(r.chunkTokens()).sum()).isEqualTo(r.outputTokens());
        received.add(r.outputTokens());
      }
      assertThat(received).containsExactly(1, 5, 7, 12);
      assertThat(sim.truths()).extracting(RequestTruth::outputTokens)
          .containsExactlyInAnyOrder(1, 5, 7, 12);
      assertThat(sim.truths()).extracting(RequestTruth::status).containsOnly(200);
    }
  }

  @Test
  void aWholeInvocationIsServedByTheSameModel() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback());
        SageMakerInvoker invoker = invoker(sim, sim.sageMakerEndpointName(), false)) {
      ResponseResult r = call(invoker,
          "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":4}");
      assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.SUCCESS);
      assertThat(r.httpStatus()).isEqualTo(200);
      assertThat(sim.truths()).singleElement()
          .satisfies(t -> assertThat(t.outputTokens()).isEqualTo(4));
    }
  }

  @Test
  void aClassicModelAnswersInvocationsButNotStreams() throws Exception {
    SimProfile classic = TestProfiles.classic(1, "deterministic", Duration.ofMillis(1));
    try (SimServer sim = SimServer.start(classic, SimServer.Options.loopback());
        SageMakerInvoker whole = invoker(sim, sim.sageMakerEndpointName(), false);
        SageMakerInvoker stream = invoker(sim, sim.sageMakerEndpointName(), true)) {
      assertThat(call(whole, "{\"features\":[1]}").outcome()).isEqualTo(Outcome.SUCCESS);
      ResponseResult refused = call(stream, "{}");
      assertThat(refused.outcome()).isEqualTo(Outcome.HTTP_4XX);
      assertThat(refused.detail()).contains("ValidationError", "does not support response "
          + "streaming");
    }
  }

  @Test
  void anUnknownEndpointIsAValidationError() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback());
        SageMakerInvoker invoker = invoker(sim, "no-such-endpoint", true)) {
      ResponseResult r = call(invoker, "{\"inputs\":\"x\"}");
      assertThat(r.outcome()).isEqualTo(Outcome.HTTP_4XX);
      assertThat(r.httpStatus()).isEqualTo(400);
      assertThat(r.detail()).contains("ValidationError", "Endpoint no-such-endpoint of account");
      assertThat(sim.truths()).isEmpty();
    }
  }

  @Test
  void aRequestTheModelRefusesIsAModelErrorWithTheContainersStatus() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback());
        SageMakerInvoker invoker = invoker(sim, sim.sageMakerEndpointName(), true)) {
      ResponseResult r =
          call(invoker, "{\"inputs\":\"x\",\"parameters\":{\"max_new_tokens\":10000000}}");
      assertThat(r.outcome()).isEqualTo(Outcome.HTTP_4XX);
      assertThat(r.httpStatus()).isEqualTo(424);
      assertThat(r.detail()).contains("ModelError", "answered HTTP 400", "KV cache holds");
      assertThat(sim.truths()).singleElement()
          .satisfies(t -> assertThat(t.status()).isEqualTo(400));
    }
  }
}
