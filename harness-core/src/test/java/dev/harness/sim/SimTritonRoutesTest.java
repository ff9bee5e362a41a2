package dev.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.config.ProtocolKind;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import dev.harness.protocol.EndpointNotReadyException;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.Protocols;
import dev.harness.protocol.ReadinessCheck;
import dev.harness.protocol.ResponseParser;
import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;
import dev.harness.record.TokenCountSource;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's Triton / KServe v2 routes over real sockets, read by the harness's parsers. */
class SimTritonRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(SimServer sim, String path, String body, long seq)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.url() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-Harness-Seq", Long.toString(seq))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(SimServer sim, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String error(HttpResponse<String> resp) throws Exception {
    return JSON.readTree(resp.body()).path("error").asText();
  }

  private static Target target(SimServer sim, ProtocolKind kind, String model, boolean stream) {
    return new Target(kind, URI.create(sim.url()), model, stream, "POST", "application/json",
        Map.of(), Map.of(), null, false, null, null);
  }

  private static ResponseResult parse(Target target, String contentType, String response)
      throws Exception {
    Protocol protocol = Protocols.create(target);
    String body =
        target.protocol() == ProtocolKind.TRITON_INFER
            ? "{\"tensors\":{\"X\":{\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}}}"
            : "{\"prompt\":\"hi\"}";
    Payload payload = new Payload(0, 1, "p0", JSON.readTree(body), 1, -1, -1);
    ResponseParser parser = protocol.newParser(protocol.build(payload, 0));
    parser.onHeaders(200, new DefaultHttpHeaders().set("content-type", contentType), 1);
    parser.onContent(Unpooled.wrappedBuffer(response.getBytes(StandardCharsets.UTF_8)), 2);
    return parser.finish(3);
  }

  @Test
  void healthAndReadinessAnswerForTheProfilesModelAndVersionOnly() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback())) {
      assertThat(get(sim, "/v2/health/live").statusCode()).isEqualTo(200);
      assertThat(get(sim, "/v2/health/ready").statusCode()).isEqualTo(200);
      assertThat(get(sim, "/v2/models/test-7b/ready").statusCode()).isEqualTo(200);
      assertThat(get(sim, "/v2/models/test-7b/versions/1/ready").statusCode()).isEqualTo(200);

      HttpResponse<String> other = get(sim, "/v2/models/llama/ready");
      HttpResponse<String> version = get(sim, "/v2/models/test-7b/versions/2/ready");
      assertThat(other.statusCode()).isEqualTo(400);
      assertThat(error(other)).isEqualTo("Request for unknown model: 'llama' is not found");
      assertThat(version.statusCode()).isEqualTo(400);
      assertThat(error(version)).contains("version 2 is not found");

      JsonNode meta = JSON.readTree(get(sim, "/v2/models/test-7b").body());
      assertThat(meta.path("name").asText()).isEqualTo("test-7b");
      assertThat(meta.path("versions").get(0).asText()).isEqualTo("1");
      assertThat(meta.path("inputs").get(0).path("name").asText()).isEqualTo("text_input");
      assertThat(sim.truths()).isEmpty(); // readiness is not a model request
    }
  }

  @Test
  void aModelThatDidNotLoadIsNotReadyWithItsLoadError() throws Exception {
    SimProfile oom =
        TestProfiles.llm(new SimProfile.Instance("g5.xlarge", "NVIDIA A10G", 1, 24, 4, 16), 30);
    try (SimServer sim = SimServer.start(oom, SimServer.Options.loopback())) {
      HttpResponse<String> ready = get(sim, "/v2/health/ready");
      HttpResponse<String> model = get(sim, "/v2/models/test-7b/ready");
      HttpResponse<String> generate =
          post(sim, "/v2/models/test-7b/generate", "{\"text_input\":\"hi\"}", 1);

      assertThat(get(sim, "/v2/health/live").statusCode()).isEqualTo(200);
      assertThat(ready.statusCode()).isEqualTo(400);
      assertThat(error(ready)).isEqualTo(oom.loadFailure()).contains("out of memory");
      assertThat(model.statusCode()).isEqualTo(400);
      assertThat(error(model)).startsWith("failed to load 'test-7b' version 1: out of memory");
      assertThat(generate.statusCode()).isEqualTo(400);
      assertThat(sim.truths()).singleElement().extracting(RequestTruth::status).isEqualTo(400);
    }
  }

  @Test
  void generateStreamIsReadByTheHarnessParserWithExactTimes() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback())) {
      HttpResponse<String> resp =
          post(sim, "/v2/models/test-7b/generate_stream",
              "{\"text_input\":\"hello there\",\"parameters\":{\"max_tokens\":5,\"stream\":true},"
                  + "\"return_num_output_tokens\":true,\"return_num_input_tokens\":true}", 42);

      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(resp.headers().firstValue("content-type").orElse(""))
          .startsWith("text/event-stream");
      String[] events = resp.body().split("\n\n");
      assertThat(events).hasSize(5); // one per token, no end marker
      assertThat(events[0])
          .startsWith("data: {\"model_name\":\"test-7b\",\"model_version\":\"1\",\"text_output\":");
      ResponseResult parsed =
          parse(target(sim, ProtocolKind.TRITON_GENERATE, "test-7b", true), "text/event-stream",
              resp.body());
      int prompt = (int) Math.ceil("hello there".length() / 4.0);
      assertThat(parsed.outcome()).isEqualTo(Outcome.SUCCESS);
      assertThat(parsed.outputTokens()).isEqualTo(5);
      assertThat(parsed.tokenSource()).isEqualTo(TokenCountSource.USAGE);
      assertThat(parsed.promptTokens()).isEqualTo(prompt);

      RequestTruth t = sim.truths().get(0);
      assertThat(t.seq()).isEqualTo(42);
      assertThat(t.firstToken() - t.start()).isEqualTo(2_000_000 + 100_000 + 10_000L * prompt);
      assertThat(t.departure() - t.firstToken()).isEqualTo(4 * 2_100_000L);
      assertThat(sim.deliveryFailure()).isNull();
    }
  }

  @Test
  void generateAnswersTheWholeTextInOneObject() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback())) {
      HttpResponse<String> resp =
          post(sim, "/v2/models/test-7b/versions/1/generate",
              "{\"text_input\":\"hi\",\"max_tokens\":3}", 1);

      JsonNode body = JSON.readTree(resp.body());
      String expected = OpenAiFormat.token(0, 1) + OpenAiFormat.token(0, 2)
          + OpenAiFormat.token(0, 3);
      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(body.path("text_output").asText()).isEqualTo(expected);
      assertThat(body.has("num_output_tokens")).isFalse();
      assertThat(sim.truths().get(0).outputTokens()).isEqualTo(3);
      ResponseResult parsed =
          parse(target(sim, ProtocolKind.TRITON_GENERATE, "test-7b", false), "application/json",
              resp.body());
      assertThat(parsed.outcome()).isEqualTo(Outcome.SUCCESS);
      assertThat(parsed.tokenSource()).isEqualTo(TokenCountSource.ESTIMATED);
    }
  }

  @Test
  void inferIsQueuedLikeScoreAndAnswersAScorePerRow() throws Exception {
    SimProfile p = TestProfiles.classic(1, "deterministic", Duration.ofMillis(5));
    try (SimServer sim = SimServer.start(p, SimServer.Options.loopback())) {
      long before = System.nanoTime();
      HttpResponse<String> resp =
          post(sim, "/v2/models/scorer/infer",
              "{\"inputs\":[{\"name\":\"INPUT0\",\"shape\":[3,2],\"datatype\":\"FP32\","
                  + "\"data\":[1,2,3,4,5,6]}]}", 7);
      long elapsed = System.nanoTime() - before;

      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(elapsed).isGreaterThanOrEqualTo(5_000_000L);
      JsonNode output = JSON.readTree(resp.body()).path("outputs").get(0);
      assertThat(output.path("name").asText()).isEqualTo("OUTPUT0");
      assertThat(output.path("shape").toString()).isEqualTo("[3,1]");
      assertThat(output.path("data")).hasSize(3);
      output.path("data").forEach(v -> assertThat(v.asDouble()).isBetween(0.0, 1.0));
      RequestTruth t = sim.truths().get(0);
      assertThat(t.seq()).isEqualTo(7);
      assertThat(t.serviceNanos()).isEqualTo(5_000_000L);
      ResponseResult parsed =
          parse(target(sim, ProtocolKind.TRITON_INFER, "scorer", false), "application/json",
              resp.body());
      assertThat(parsed.outcome()).isEqualTo(Outcome.SUCCESS);

      String metrics = get(sim, "/metrics").body();
      assertThat(metrics)
          .contains("nv_inference_request_success{model=\"scorer\",version=\"1\"} 1\n")
          .contains("nv_inference_queue_duration_us{model=\"scorer\",version=\"1\"} 0\n")
          .contains("# TYPE nv_gpu_utilization gauge");
    }
  }

  @Test
  void requestsTheModelCannotServeAreRefusedInTritonsErrorShape() throws Exception {
    SimProfile classic = TestProfiles.classic(1, "deterministic", Duration.ofMillis(1));
    try (SimServer llm = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback());
        SimServer cls = SimServer.start(classic, SimServer.Options.loopback())) {
      HttpResponse<String> inferOnLlm = post(llm, "/v2/models/test-7b/infer", "{}", 1);
      HttpResponse<String> generateOnClassic =
          post(cls, "/v2/models/scorer/generate", "{\"text_input\":\"x\"}", 2);
      HttpResponse<String> unknownModel =
          post(cls, "/v2/models/nope/infer", "{\"inputs\":[]}", 3);
      HttpResponse<String> noInputs = post(cls, "/v2/models/scorer/infer", "{\"x\":1}", 4);

      assertThat(inferOnLlm.statusCode()).isEqualTo(400);
      assertThat(error(inferOnLlm)).contains("does not support infer");
      assertThat(generateOnClassic.statusCode()).isEqualTo(400);
      assertThat(unknownModel.statusCode()).isEqualTo(400);
      assertThat(error(unknownModel)).contains("unknown model: 'nope'");
      assertThat(noInputs.statusCode()).isEqualTo(400);
      assertThat(get(cls, "/v2/models/scorer/infer").statusCode()).isEqualTo(404);
      assertThat(cls.truths()).extracting(RequestTruth::status).containsOnly(400).hasSize(3);
    }
  }

  @Test
  void readinessCheckPassesForTheRightModelAndNamesTheWrongOne() throws Exception {
    SimProfile p = TestProfiles.classic(1, "deterministic", Duration.ofMillis(1));
    try (SimServer sim = SimServer.start(p, SimServer.Options.loopback())) {
      Target right = target(sim, ProtocolKind.TRITON_INFER, "scorer", false);
      Target wrong = target(sim, ProtocolKind.TRITON_INFER, "resnet", false);
      Duration timeout = Duration.ofSeconds(5);

      ReadinessCheck.check(right, Protocols.create(right), Map.of(), timeout);

      assertThatThrownBy(() -> ReadinessCheck.check(wrong, Protocols.create(wrong), Map.of(),
              timeout))
          .isInstanceOf(EndpointNotReadyException.class)
          .hasMessage("model 'resnet' is not ready: GET " + sim.url()
              + "/v2/models/resnet/ready answered 400: Request for unknown model: 'resnet' is "
              + "not found");
    }
  }

  @Test
  void readinessCheckFailsForAModelThatDidNotLoad() throws Exception {
    SimProfile oom =
        TestProfiles.llm(new SimProfile.Instance("g5.xlarge", "NVIDIA A10G", 1, 24, 4, 16), 30);
    try (SimServer sim = SimServer.start(oom, SimServer.Options.loopback())) {
      Target t = target(sim, ProtocolKind.TRITON_GENERATE, "test-7b", true);

      assertThatThrownBy(() -> ReadinessCheck.check(t, Protocols.create(t), Map.of(),
              Duration.ofSeconds(5)))
          .isInstanceOf(EndpointNotReadyException.class)
          .hasMessageStartingWith("the server is not ready: GET " + sim.url()
              + "/v2/health/ready answered 400: out of memory while loading test-7b");
    }
  }
}
