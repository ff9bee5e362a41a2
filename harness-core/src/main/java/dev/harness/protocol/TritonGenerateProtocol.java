package dev.harness.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import dev.harness.payload.PromptText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triton's generate extension ({@code POST /v2/models/<model>[/versions/<v>]/generate}, or {@code
 * /generate_stream} for a streamed target), as served by the vLLM and TensorRT-LLM backends.
 *
 * <p>The request body is {@code {"text_input": <prompt>, "parameters": {"max_tokens": n, "stream":
 * s, ...}}}: the prompt is the payload's {@code prompt}, or its chat {@code messages}' contents
 * joined with newlines ({@link PromptText}); {@code max_tokens} is the payload's known output
 * length, and {@code temperature}, {@code top_p}, {@code top_k}, {@code seed}, {@code stop}, {@code
 * ignore_eos} and {@code min_tokens} of an OpenAI-style body are carried into {@code parameters}. A
 * payload body that already has {@code text_input} is sent as written, with only {@code
 * parameters.stream} set. Responses are parsed by {@link TritonGenerateParser}.
 */
final class TritonGenerateProtocol implements Protocol {

  /** OpenAI-style sampling fields carried into {@code parameters}. */
  static final List<String> CARRIED =
      List.of("temperature", "top_p", "top_k", "seed", "stop", "ignore_eos", "min_tokens");

  private final String pathAndQuery;
  private final boolean stream;
  private final Map<String, String> headers;
  private final List<String> readiness;

  TritonGenerateProtocol(Target target) {
    this.stream = target.stream();
    this.pathAndQuery = TritonPaths.request(target, stream ? "generate_stream" : "generate");
    this.readiness = TritonPaths.readiness(target, pathAndQuery);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", target.contentType() != null ? target.contentType() : "application/json");
    if (stream) {
      h.put("Accept", "text/event-stream");
    }
    this.headers = Map.copyOf(h);
  }

  @Override
  public RequestSpec build(Payload payload, long sequence) {
    JsonNode original = payload.body();
    if (!(original instanceof ObjectNode)) {
      throw new IllegalArgumentException(
          "payload '" + payload.id() + "': triton-generate needs a JSON object body");
    }
    ObjectNode body;
    int expected;
    if (original.has("text_input")) {
      body = JsonNodeFactory.instance.objectNode();
      body.setAll((ObjectNode) original); // shallow copy: nested nodes are shared, never modified
      ObjectNode parameters = JsonNodeFactory.instance.objectNode();
      JsonNode given = original.get("parameters");
      if (given instanceof ObjectNode) {
        parameters.setAll((ObjectNode) given);
      }
      expected = OpenAiProtocol.expectedOutputTokens(parameters, payload.maxTokens());
      parameters.put("stream", stream);
      body.set("parameters", parameters);
    } else {
      String prompt = PromptText.of(original);
      if (prompt == null) {
        throw new IllegalArgumentException(
            "payload '" + payload.id() + "': triton-generate needs a body with \"prompt\", "
                + "\"messages\" or \"text_input\"");
      }
      body = fromOpenAiShape((ObjectNode) original, prompt, payload.maxTokens());
      expected = OpenAiProtocol.expectedOutputTokens((ObjectNode) original, payload.maxTokens());
    }
    byte[] bytes;
    try {
      bytes = Json.WRITER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "payload '" + payload.id() + "': body cannot be serialized: " + e.getOriginalMessage(),
          e);
    }
    return new RequestSpec(
        "POST", pathAndQuery, headers, bytes, payload.index(), payload.promptTokens(), expected);
  }

  private ObjectNode fromOpenAiShape(ObjectNode original, String prompt, int payloadMaxTokens) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("text_input", prompt);
    ObjectNode parameters = body.putObject("parameters");
    int maxTokens = payloadMaxTokens >= 0 ? payloadMaxTokens : intField(original, "max_tokens");
    if (maxTokens < 0) {
      maxTokens = intField(original, "max_completion_tokens");
    }
    if (maxTokens >= 0) {
      parameters.put("max_tokens", maxTokens);
    }
    parameters.put("stream", stream);
    for (String field : CARRIED) {
      JsonNode value = original.get(field);
      if (value != null && !value.isNull()) {
        parameters.set(field, value);
      }
    }
    return body;
  }

  private static int intField(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isIntegralNumber() && value.canConvertToInt()
        ? value.intValue()
        : -1;
  }

  @Override
  public ResponseParser newParser(RequestSpec request) {
    return new TritonGenerateParser(stream, request.expectedOutputTokens());
  }

  @Override
  public List<String> readinessPaths() {
    return readiness;
  }
}
