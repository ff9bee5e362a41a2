package dev.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.config.ProtocolKind;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests of the Triton protocols: paths, bodies, validation and readiness paths. */
class TritonProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Protocol protocol(ProtocolKind kind, String url, boolean stream) {
    return Protocols.create(
        new Target(kind, URI.create(url), "fraud", stream, "POST", "application/json", Map.of(),
            Map.of(), null, false, null, null));
  }

  private static Payload payload(String body, int maxTokens) throws Exception {
    return new Payload(3, 4, "p7", JSON.readTree(body), 1, -1, maxTokens);
  }

  private static JsonNode sent(RequestSpec spec) throws Exception {
    return JSON.readTree(spec.body());
  }

  @Test
  void compactTensorsBecomeKserveInputsWithDataFlattenedRowMajor() throws Exception {
    String url = "http://h:8000/v2/models/fraud/versions/1/infer";
    Protocol p = protocol(ProtocolKind.TRITON_INFER, url, false);

    RequestSpec spec =
        p.build(payload("{\"tensors\":{\"INPUT0\":{\"shape\":[2,3],\"datatype\":\"FP32\","
            + "\"data\":[[1,2,3],[4,5,6.5]]},\"MASK\":{\"shape\":[2],\"datatype\":\"BOOL\","
            + "\"data\":[true,false]}},\"outputs\":[\"OUTPUT0\"],"
            + "\"parameters\":{\"priority\":1}}", -1), 0);

    assertThat(spec.method()).isEqualTo("POST");
    assertThat(spec.pathAndQuery()).isEqualTo("/v2/models/fraud/versions/1/infer");
    assertThat(spec.headers()).containsEntry("Content-Type", "application/json");
    assertThat(spec.payloadIndex()).isEqualTo(3);
    assertThat(sent(spec))
        .isEqualTo(JSON.readTree("{\"inputs\":["
            + "{\"name\":\"INPUT0\",\"shape\":[2,3],\"datatype\":\"FP32\","
            + "\"data\":[1,2,3,4,5,6.5]},"
            + "{\"name\":\"MASK\",\"shape\":[2],\"datatype\":\"BOOL\",\"data\":[true,false]}],"
            + "\"outputs\":[{\"name\":\"OUTPUT0\"}],\"parameters\":{\"priority\":1}}"));
  }

  @Test
  void aReadyKserveBodyIsSentVerbatim() throws Exception {
    String body = "{\"id\":\"r1\",\"inputs\":[{\"name\":\"TEXT\",\"shape\":[1,1],"
        + "\"datatype\":\"BYTES\",\"data\":[[\"hello\"]]}],\"outputs\":[{\"name\":\"EMB\","
        + "\"parameters\":{\"binary_data\":false}}]}";
    Protocol p = protocol(ProtocolKind.TRITON_INFER, "http://h:8000", false);

    RequestSpec spec = p.build(payload(body, -1), 0);

    assertThat(spec.pathAndQuery()).isEqualTo("/v2/models/fraud/infer");
    assertThat(sent(spec)).isEqualTo(JSON.readTree(body));
  }

  static Stream<Arguments> badTensors() {
    return Stream.of(
        Arguments.of(
            "{\"tensors\":{\"X\":{\"shape\":[1,16],\"datatype\":\"FP32\",\"data\":[1,2]}}}",
            "tensor 'X': data has 2 values, shape [1,16] needs 16"),
        Arguments.of("{\"tensors\":{\"X\":{\"shape\":[2],\"datatype\":\"FLOAT\",\"data\":[1,2]}}}",
            "tensor 'X': datatype must be one of BOOL"),
        Arguments.of("{\"tensors\":{\"X\":{\"shape\":[-1],\"datatype\":\"FP32\",\"data\":[1]}}}",
            "tensor 'X': shape [-1] must hold whole numbers >= 0"),
        Arguments.of(
            "{\"tensors\":{\"X\":{\"shape\":[2],\"datatype\":\"FP32\",\"data\":[1,\"a\"]}}}",
            "tensor 'X': value \"a\" (value 2) is not FP32"),
        Arguments.of("{\"tensors\":{\"X\":{\"shape\":[1],\"datatype\":\"UINT8\",\"data\":[-3]}}}",
            "tensor 'X': value -3 (value 1) is not UINT8"),
        Arguments.of("{\"tensors\":{\"X\":{\"shape\":[1],\"datatype\":\"INT64\",\"data\":[1.5]}}}",
            "tensor 'X': value 1.5 (value 1) is not INT64"),
        Arguments.of("{\"tensors\":{\"X\":{\"datatype\":\"FP32\",\"data\":[1]}}}",
            "tensor 'X': \"shape\" must be a list of dimensions"),
        Arguments.of("{\"tensors\":{\"X\":{\"shape\":[1],\"datatype\":\"FP32\"}}}",
            "tensor 'X': \"data\" must be a list of values"),
        Arguments.of("{\"tensors\":{},\"outputs\":[]}", "\"tensors\" must map input names"),
        Arguments.of("{\"tensors\":{\"X\":{\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}},"
            + "\"output\":[\"Y\"]}", "unknown key 'output'"),
        Arguments.of("{\"inputs\":[{\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}",
            "inputs[0] needs a \"name\""),
        Arguments.of("{\"inputs\":[{\"name\":\"A\",\"shape\":[3],\"datatype\":\"INT32\","
            + "\"data\":[[1],[2]]}]}", "tensor 'A': data has 2 values, shape [3] needs 3"),
        Arguments.of("{\"features\":[1,2,3]}",
            "needs a body with \"inputs\" (KServe v2) or \"tensors\""));
  }

  @ParameterizedTest
  @MethodSource("badTensors")
  void invalidTensorsFailNamingThePayloadAndTheTensor(String body, String fragment) {
    Protocol p = protocol(ProtocolKind.TRITON_INFER, "http://h:8000", false);

    assertThatThrownBy(() -> p.build(payload(body, -1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("payload 'p7': ")
        .hasMessageContaining(fragment);
  }

  @Test
  void generateJoinsChatMessagesIntoTextInputWithParameters() throws Exception {
    Protocol p =
        protocol(
            ProtocolKind.TRITON_GENERATE, "http://h:8000/v2/models/llama/generate_stream", true);

    RequestSpec spec =
        p.build(payload("{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":\"Where is my order?\"}],\"max_tokens\":64,"
            + "\"temperature\":0.2,\"ignore_eos\":true,\"logprobs\":true}", 64), 0);

    assertThat(spec.pathAndQuery()).isEqualTo("/v2/models/llama/generate_stream");
    assertThat(spec.headers()).containsEntry("Accept", "text/event-stream");
    assertThat(sent(spec))
        .isEqualTo(JSON.readTree("{\"text_input\":\"Be brief.\\nWhere is my order?\","
            + "\"parameters\":{\"max_tokens\":64,\"stream\":true,\"temperature\":0.2,"
            + "\"ignore_eos\":true}}"));
    assertThat(spec.expectedOutputTokens()).isEqualTo(64); // ignore_eos: the length is known
  }

  @Test
  void generateFromAPromptWithoutStreamUsesTheGenerateEndpoint() throws Exception {
    Protocol p = protocol(ProtocolKind.TRITON_GENERATE, "http://h:8000", false);

    RequestSpec spec = p.build(payload("{\"prompt\":\"Tell me a joke\"}", 20), 0);

    assertThat(spec.pathAndQuery()).isEqualTo("/v2/models/fraud/generate");
    assertThat(spec.headers()).doesNotContainKey("Accept");
    assertThat(sent(spec))
        .isEqualTo(JSON.readTree("{\"text_input\":\"Tell me a joke\","
            + "\"parameters\":{\"max_tokens\":20,\"stream\":false}}"));
    assertThat(spec.expectedOutputTokens()).isEqualTo(-1);
  }

  @Test
  void aTextInputBodyIsSentAsWrittenWithOnlyStreamSet() throws Exception {
    String body = "{\"text_input\":\"Hi\",\"max_tokens\":8,\"parameters\":{\"top_k\":1}}";
    Payload payload = payload(body, -1);
    Protocol p = protocol(ProtocolKind.TRITON_GENERATE, "http://h:8000", true);

    RequestSpec spec = p.build(payload, 0);

    assertThat(sent(spec))
        .isEqualTo(JSON.readTree("{\"text_input\":\"Hi\",\"max_tokens\":8,"
            + "\"parameters\":{\"top_k\":1,\"stream\":true}}"));
    assertThat(payload.body()).isEqualTo(JSON.readTree(body)); // never modified
  }

  @Test
  void generateWithoutAnyPromptFailsNamingThePayload() {
    Protocol p = protocol(ProtocolKind.TRITON_GENERATE, "http://h:8000", true);

    assertThatThrownBy(() -> p.build(payload("{\"input\":\"x\"}", -1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payload 'p7': triton-generate needs a body with \"prompt\", \"messages\" "
            + "or \"text_input\"");
  }

  @Test
  void readinessPathsAreTheServerAndTheModelVersionKeepingAGatewayPrefix() {
    Protocol versioned =
        protocol(ProtocolKind.TRITON_INFER, "https://h/gw/v2/models/fraud/versions/2/infer?x=1",
            false);
    Protocol plain = protocol(ProtocolKind.TRITON_GENERATE, "http://h:8000", true);
    Protocol custom = protocol(ProtocolKind.TRITON_INFER, "http://h:8000/score", false);
    Protocol openAi = protocol(ProtocolKind.OPENAI_CHAT, "http://h:8000", true);

    assertThat(versioned.readinessPaths())
        .containsExactly("/gw/v2/health/ready", "/gw/v2/models/fraud/versions/2/ready");
    assertThat(plain.readinessPaths())
        .containsExactly("/v2/health/ready", "/v2/models/fraud/ready");
    assertThat(custom.readinessPaths())
        .containsExactly("/v2/health/ready", "/v2/models/fraud/ready");
    assertThat(openAi.readinessPaths()).isEmpty();
  }
}
