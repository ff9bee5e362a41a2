package dev.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.config.ProtocolKind;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.Protocols;
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

class SimServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(SimServer sim, String path, String body, long seq)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sim.url() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (seq >= 0) {
      b.header("X-Harness-Seq", Long.toString(seq));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(SimServer sim, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStreamedChatIsReadByTheHarnessParserWithExactUsageAndTimes() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback())) {
      String body =
          "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}],"
              + "\"max_tokens\":5,\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
      HttpResponse<String> resp = post(sim, "/v1/chat/completions", body, 42);
      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(resp.headers().firstValue("content-type").orElse(""))
          .startsWith("text/event-stream");
      String[] events = resp.body().split("\n\n");
      assertThat(events).hasSize(1 + 5 + 1 + 1); // role, five tokens, usage, [DONE]
      assertThat(events[0]).contains("\"role\":\"assistant\"");
      assertThat(events[5]).contains("\"finish_reason\":\"length\"");
      assertThat(events[7]).isEqualTo("data: [DONE]");

      ResponseResult parsed = parse(ProtocolKind.OPENAI_CHAT, true, resp.body());
      int prompt = (int) Math.ceil("hello there".length() / 4.0) + 4;
      assertThat(parsed.outcome()).isEqualTo(Outcome.SUCCESS);
      assertThat(parsed.outputTokens()).isEqualTo(5);
      assertThat(parsed.tokenSource()).isEqualTo(TokenCountSource.USAGE);
      assertThat(parsed.promptTokens()).isEqualTo(prompt);

      RequestTruth t = sim.truths().get(0);
      assertThat(t.seq()).isEqualTo(42);
      assertThat(t.start()).isEqualTo(t.arrival()); // idle engine: admitted at once
      long firstStep = 2_000_000 + 100_000 + 10_000L * prompt;
      assertThat(t.firstToken() - t.start()).isEqualTo(firstStep);
      assertThat(t.departure() - t.firstToken()).isEqualTo(4 * 2_100_000L);
      assertThat(t.outputTokens()).isEqualTo(5);
      assertThat(sim.deliveryFailure()).isNull();
    }
  }

  @Test
  void aWholeCompletionCarriesTextAndUsage() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback())) {
      String prompt = "abcd".repeat(10);
      HttpResponse<String> resp =
          post(sim, "/v1/completions",
              "{\"prompt\":\"" + prompt + "\",\"max_tokens\":3,\"stream\":false}", -1);
      assertThat(resp.statusCode()).isEqualTo(200);
      JsonNode json = JSON.readTree(resp.body());
      assertThat(json.path("choices").get(0).path("text").asText()).isNotBlank();
      assertThat(json.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
      assertThat(json.path("usage").path("prompt_tokens").asInt()).isEqualTo(10);
      ResponseResult parsed = parse(ProtocolKind.OPENAI_COMPLETIONS, false, resp.body());
      assertThat(parsed.outcome()).isEqualTo(Outcome.SUCCESS);
      assertThat(parsed.outputTokens()).isEqualTo(3);
    }
  }

  @Test
  void aRequestLargerThanTheWholeKvCacheIsABadRequest() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback())) {
      HttpResponse<String> resp =
          post(sim, "/v1/completions", "{\"prompt\":\"hi\",\"max_tokens\":10000000}", 3);
      assertThat(resp.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(resp.body()).path("error").path("message").asText())
          .contains("KV cache holds " + TestProfiles.fastLlm().kvCapacityTokens() + " tokens");
      assertThat(sim.truths()).extracting(RequestTruth::status).containsExactly(400);
    }
  }

  @Test
  void aModelThatDoesNotFitFailsItsHealthCheckAndEveryRequest() throws Exception {
    SimProfile small =
        TestProfiles.llm(new SimProfile.Instance("g5.xlarge", "NVIDIA A10G", 1, 24, 4, 16), 13);
    try (SimServer sim = SimServer.start(small, SimServer.Options.loopback())) {
      HttpResponse<String> health = get(sim, "/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("out of memory while loading test-7b on g5.xlarge");
      HttpResponse<String> chat =
          post(sim, "/v1/chat/completions", "{\"messages\":[],\"max_tokens\":1}", -1);
      assertThat(chat.statusCode()).isEqualTo(503);
      assertThat(chat.body()).contains("out of memory");
    }
  }

  @Test
  void healthModelsAndMetricsAnswer() throws Exception {
    try (SimServer sim = SimServer.start(TestProfiles.fastLlm(), SimServer.Options.loopback())) {
      assertThat(get(sim, "/health").statusCode()).isEqualTo(200);
      assertThat(get(sim, "/v1/models").body()).contains("\"id\":\"test-7b\"");
      post(sim, "/v1/chat/completions",
          "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":2}", -1);
      String metrics = get(sim, "/metrics").body();
      assertThat(metrics)
          .contains("vllm:num_requests_running{model_name=\"test-7b\"} ")
          .contains("vllm:num_requests_waiting{")
          .contains("vllm:kv_cache_usage_perc{")
          .contains("vllm:gpu_cache_usage_perc{")
          .contains("harness_sim_gpu_busy_ratio{")
          .contains("harness_sim_requests_total{model_name=\"test-7b\",outcome=\"success\"} 1");
      assertThat(get(sim, "/nope").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aClassicScoreIsAnsweredAfterItsServiceTime() throws Exception {
    SimProfile p = TestProfiles.classic(1, "deterministic", Duration.ofMillis(5));
    try (SimServer sim = SimServer.start(p, SimServer.Options.loopback())) {
      long before = System.nanoTime();
      HttpResponse<String> resp = post(sim, "/v1/score", "{\"amount\":12.5}", 7);
      long elapsed = System.nanoTime() - before;
      assertThat(resp.statusCode()).isEqualTo(200);
      double score = JSON.readTree(resp.body()).path("score").asDouble(-1);
      assertThat(score).isBetween(0.0, 1.0);
      assertThat(elapsed).isGreaterThanOrEqualTo(5_000_000L);
      RequestTruth t = sim.truths().get(0);
      assertThat(t.seq()).isEqualTo(7);
      assertThat(t.serviceNanos()).isEqualTo(5_000_000L);
      assertThat(t.waitNanos()).isZero();
      assertThat(post(sim, "/v1/chat/completions", "{}", -1).statusCode()).isEqualTo(404);
    }
  }

  private static ResponseResult parse(ProtocolKind kind, boolean stream, String body)
      throws Exception {
    Target target =
        new Target(kind, URI.create("http://127.0.0.1:1"), "m", stream, "POST",
            "application/json", Map.of(), Map.of(), null, false, null, null);
    Protocol protocol = Protocols.create(target);
    Payload payload =
        new Payload(0, 1, "p0",
            JSON.readTree(kind == ProtocolKind.OPENAI_CHAT
                ? "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5}"
                : "{\"prompt\":\"hi\",\"max_tokens\":3}"),
            1, -1, -1);
    ResponseParser parser = protocol.newParser(protocol.build(payload, 0));
    DefaultHttpHeaders headers = new DefaultHttpHeaders();
    headers.set("content-type", stream ? "text/event-stream" : "application/json");
    parser.onHeaders(200, headers, 1);
    parser.onContent(Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)), 2);
    return parser.finish(3);
  }
}
