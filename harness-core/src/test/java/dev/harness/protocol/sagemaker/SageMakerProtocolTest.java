package dev.harness.protocol.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.harness.config.ProtocolKind;
import dev.harness.config.SageMakerTarget;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.Protocols;
import dev.harness.protocol.RequestSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SageMakerProtocolTest {

  private static Target target(ProtocolKind kind, String accept) {
    SageMakerTarget s = new SageMakerTarget("llm", "us-east-1", null, false, null, null, null,
        null, null, "application/json", accept);
    return new Target(kind, s.invocationUrl(kind == ProtocolKind.SAGEMAKER_STREAM), null,
        kind == ProtocolKind.SAGEMAKER_STREAM, "POST", "application/json", Map.of(), Map.of(),
        null, false, null, s);
  }

  private static Payload text(String body, long line) {
    return new Payload(3, line, "p" + line, JsonNodeFactory.instance.textNode(body), 1, 12, -1);
  }

  @Test
  void theRequestCarriesTheBodyPathAndContentHeaders() {
    Protocol p = Protocols.create(target(ProtocolKind.SAGEMAKER_STREAM, "application/jsonlines"));
    RequestSpec r = p.build(text("{\"inputs\":\"hi\"}", 1), 0);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"inputs\":\"hi\"}");
    assertThat(r.pathAndQuery()).isEqualTo("/endpoints/llm/invocations-response-stream");
    assertThat(r.headers()).containsEntry("Content-Type", "application/json")
        .containsEntry("Accept", "application/jsonlines");
    assertThat(r.payloadIndex()).isEqualTo(3);
    assertThat(r.promptTokens()).isEqualTo(12);
  }

  @Test
  void aJsonObjectBodyIsSerialized() {
    Protocol p = Protocols.create(target(ProtocolKind.SAGEMAKER, null));
    Payload json = new Payload(0, 1, "a", JsonNodeFactory.instance.objectNode().put("x", 1), 1,
        -1, -1);
    RequestSpec r = p.build(json, 0);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
    assertThat(r.pathAndQuery()).isEqualTo("/endpoints/llm/invocations");
    assertThat(r.headers()).doesNotContainKey("Accept");
  }

  @Test
  void aBodyOverSixMegabytesIsRefusedNamingItsLine() {
    Protocol p = Protocols.create(target(ProtocolKind.SAGEMAKER, null));
    String limit = "x".repeat(SageMakerTarget.MAX_BODY_BYTES);
    assertThat(p.build(text(limit, 7), 0).body()).hasSize(6_291_456);
    assertThatThrownBy(() -> p.build(text(limit + "x", 42), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload 'p42' (line 42)")
        .hasMessageContaining("6291457 bytes")
        .hasMessageContaining("at most 6 MB (6291456 bytes)");
  }

  @Test
  void theEngineCannotParseSageMakerResponsesItself() {
    Protocol p = Protocols.create(target(ProtocolKind.SAGEMAKER, null));
    RequestSpec r = p.build(text("{}", 1), 0);
    assertThatThrownBy(() -> p.newParser(r)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("SageMakerInvoker");
  }

  @Test
  void theInvocationUrlUsesTheOverrideOrTheRegionalEndpoint() {
    SageMakerTarget regional = new SageMakerTarget("e", "ap-southeast-2", null, false, null, null,
        null, null, null, "application/json", null);
    assertThat(regional.invocationUrl(false)).isEqualTo(URI.create(
        "https://runtime.sagemaker.ap-southeast-2.amazonaws.com/endpoints/e/invocations"));
    SageMakerTarget local = new SageMakerTarget("e", "ap-southeast-2", null, false, null, null,
        null, null, URI.create("http://127.0.0.1:8000/"), "application/json", null);
    assertThat(local.invocationUrl(true)).isEqualTo(
        URI.create("http://127.0.0.1:8000/endpoints/e/invocations-response-stream"));
  }
}
