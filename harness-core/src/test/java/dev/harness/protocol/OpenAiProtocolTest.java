package dev.harness.protocol;

import dev.harness.record.TokenCountSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.config.ProtocolKind;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiProtocolTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Target target(ProtocolKind kind, String url, String model, boolean stream) {
    return new Target(
        kind,
        URI.create(url),
        model,
        stream,
        "POST",
        "application/json",
        Map.of(),
        Map.of(),
        null,
        false,
        null, null);
  }

  static Payload payload(String json, int promptTokens, int maxTokens) throws Exception {
    return new Payload(3, 4, "p-3", MAPPER.readTree(json), 1.0, promptTokens, maxTokens);
  }

  private static JsonNode sent(RequestSpec spec) throws Exception {
    return MAPPER.readTree(spec.body());
  }

  @Test
  void streamingRequestGetsModelStreamAndUsageOptions() throws Exception {
    Protocol protocol =
        Protocols.create(
            target(
                ProtocolKind.OPENAI_CHAT, "http://127.0.0.1:8000/v1/chat/completions", "m1", true));
    Payload payload =
        payload(
            "{\"model\":\"old\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"stream_options\":{\"continuous_usage_stats\":true}}",
            7,
            -1);

    RequestSpec spec = protocol.build(payload, 0);
    JsonNode body = sent(spec);

    assertThat(body.get("model").asText()).isEqualTo("m1");
    assertThat(body.get("stream").asBoolean()).isTrue();
    assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
    assertThat(body.get("stream_options").get("continuous_usage_stats").asBoolean()).isTrue();
    assertThat(body.get("messages")).isEqualTo(payload.body().get("messages"));
    assertThat(spec.method()).isEqualTo("POST");
    assertThat(spec.pathAndQuery()).isEqualTo("/v1/chat/completions");
    assertThat(spec.headers())
        .containsEntry("Content-Type", "application/json")
        .containsEntry("Accept", "text/event-stream");
    assertThat(spec.payloadIndex()).isEqualTo(3);
    assertThat(spec.promptTokens()).isEqualTo(7);
    assertThat(spec.expectedOutputTokens()).isEqualTo(-1);
  }

  @Test
  void buildingNeverChangesThePayloadBody() throws Exception {
    Protocol protocol =
        Protocols.create(
            target(ProtocolKind.OPENAI_CHAT, "http://127.0.0.1:1/v1/chat/completions", "m", true));
    String json = "{\"model\":\"old\",\"prompt\":\"x\",\"stream_options\":{\"a\":1}}";
    Payload payload = payload(json, -1, -1);

    protocol.build(payload, 0);

    assertThat(payload.body()).isEqualTo(MAPPER.readTree(json));
  }

  @Test
  void nonStreamingRequestKeepsThePayloadModelAndDropsStreamOptions() throws Exception {
    Protocol protocol =
        Protocols.create(
            target(
                ProtocolKind.OPENAI_COMPLETIONS,
                "http://127.0.0.1:1/v1/completions?x=1",
                null,
                false));

    RequestSpec spec =
        protocol.build(
            payload("{\"model\":\"own\",\"prompt\":\"x\",\"stream_options\":{}}", -1, -1), 0);
    JsonNode body = sent(spec);

    assertThat(body.get("model").asText()).isEqualTo("own");
    assertThat(body.get("stream").asBoolean()).isFalse();
    assertThat(body.has("stream_options")).isFalse();
    assertThat(spec.pathAndQuery()).isEqualTo("/v1/completions?x=1");
    assertThat(spec.headers()).doesNotContainKey("Accept");
  }

  @Test
  void urlWithoutPathUsesTheProtocolDefault() throws Exception {
    Protocol protocol =
        Protocols.create(
            target(ProtocolKind.OPENAI_COMPLETIONS, "http://127.0.0.1:8000", null, true));

    assertThat(protocol.build(payload("{\"prompt\":\"x\"}", -1, -1), 0).pathAndQuery())
        .isEqualTo("/v1/completions");
  }

  @Test
  void ignoreEosMakesTheOutputLengthKnown() throws Exception {
    Protocol protocol =
        Protocols.create(
            target(ProtocolKind.OPENAI_CHAT, "http://127.0.0.1:1/v1/chat/completions", null, true));

    RequestSpec spec =
        protocol.build(
            payload("{\"max_tokens\":128,\"ignore_eos\":true,\"messages\":[]}", -1, 128), 0);

    assertThat(spec.expectedOutputTokens()).isEqualTo(128);
  }

  @Test
  void minTokensEqualToMaxTokensMakesTheOutputLengthKnown() throws Exception {
    Protocol protocol =
        Protocols.create(
            target(ProtocolKind.OPENAI_CHAT, "http://127.0.0.1:1/v1/chat/completions", null, true));

    assertThat(
            protocol
                .build(payload("{\"max_tokens\":64,\"min_tokens\":64,\"messages\":[]}", -1, -1), 0)
                .expectedOutputTokens())
        .isEqualTo(64);
    assertThat(
            protocol
                .build(payload("{\"max_tokens\":64,\"min_tokens\":10,\"messages\":[]}", -1, 64), 0)
                .expectedOutputTokens())
        .isEqualTo(-1);
    assertThat(
            protocol
                .build(
                    payload("{\"max_tokens\":64,\"ignore_eos\":false,\"messages\":[]}", -1, 64), 0)
                .expectedOutputTokens())
        .isEqualTo(-1);
  }

  @Test
  void nonObjectBodyIsRejectedNamingThePayload() throws Exception {
    Protocol protocol =
        Protocols.create(
            target(ProtocolKind.OPENAI_CHAT, "http://127.0.0.1:1/v1/chat/completions", null, true));

    assertThatThrownBy(() -> protocol.build(payload("\"just text\"", -1, -1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p-3")
        .hasMessageContaining("JSON object");
  }

  @Test
  void parserFollowsTheTargetsStreamSetting() throws Exception {
    Protocol protocol =
        Protocols.create(
            target(
                ProtocolKind.OPENAI_CHAT, "http://127.0.0.1:1/v1/chat/completions", null, false));
    RequestSpec spec = protocol.build(payload("{\"messages\":[]}", -1, -1), 0);
    ResponseParser parser = protocol.newParser(spec);
    parser.onHeaders(200, Streams.headers("application/json"), 0);
    Streams.feed(
        parser,
        "{\"choices\":[{\"message\":{\"content\":\"ok\"}}],\"usage\":{\"completion_tokens\":1}}",
        1);

    ResponseResult result = parser.finish(1);

    assertThat(result.outputTokens()).isEqualTo(1);
    assertThat(result.tokenSource()).isEqualTo(TokenCountSource.USAGE);
  }
}
