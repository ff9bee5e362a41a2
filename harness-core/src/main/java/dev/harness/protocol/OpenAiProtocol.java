package dev.harness.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * OpenAI-compatible chat and completions ({@code /v1/chat/completions}, {@code /v1/completions}) as
 * served by vLLM, TGI, SGLang and others; the two differ only in where the generated text sits,
 * which {@link OpenAiContent} handles.
 *
 * <p>The request body is the payload's JSON object with {@code model} set from the target (when
 * given) and {@code stream} set from the target; a streaming request also gets {@code
 * stream_options.include_usage = true} so the server reports its token counts, and a non-streaming
 * one loses any {@code stream_options} (vLLM rejects them without {@code stream}). The payload's
 * own body is never modified.
 */
final class OpenAiProtocol implements Protocol {

  private final String pathAndQuery;
  private final String model;
  private final boolean stream;
  private final String kindName;
  private final Map<String, String> headers;

  OpenAiProtocol(Target target) {
    this.pathAndQuery = Protocols.pathAndQuery(target);
    this.model = target.model();
    this.stream = target.stream();
    this.kindName = target.protocol().yamlName();
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
          "payload '"
              + payload.id()
              + "': the body must be a JSON object for "
              + kindName
              + ", got "
              + (original == null
                  ? "nothing"
                  : original.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.setAll((ObjectNode) original); // shallow copy: nested nodes are shared, never modified
    if (model != null) {
      body.put("model", model);
    }
    body.put("stream", stream);
    if (stream) {
      ObjectNode options = JsonNodeFactory.instance.objectNode();
      JsonNode existing = original.get("stream_options");
      if (existing instanceof ObjectNode) {
        options.setAll((ObjectNode) existing);
      }
      options.put("include_usage", true);
      body.set("stream_options", options);
    } else {
      body.remove("stream_options");
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
        "POST",
        pathAndQuery,
        headers,
        bytes,
        payload.index(),
        payload.promptTokens(),
        expectedOutputTokens((ObjectNode) original, payload.maxTokens()));
  }

  @Override
  public ResponseParser newParser(RequestSpec request) {
    return new OpenAiResponseParser(stream, request.expectedOutputTokens());
  }

  /**
   * The output length the server is bound to produce, or -1: the payload's max tokens (else the
   * body's {@code max_tokens} / {@code max_completion_tokens}) when the body sets {@code
   * ignore_eos: true} (a vLLM extension) or {@code min_tokens} equal to that maximum.
   */
  static int expectedOutputTokens(ObjectNode body, int payloadMaxTokens) {
    int bodyMax = intField(body, "max_tokens");
    if (bodyMax < 0) {
      bodyMax = intField(body, "max_completion_tokens");
    }
    int max = payloadMaxTokens >= 0 ? payloadMaxTokens : bodyMax;
    if (max < 0) {
      return -1;
    }
    JsonNode ignoreEos = body.get("ignore_eos");
    boolean fixedLength = ignoreEos != null && ignoreEos.isBoolean() && ignoreEos.booleanValue();
    int min = intField(body, "min_tokens");
    fixedLength |= min >= 0 && min == (bodyMax >= 0 ? bodyMax : max);
    return fixedLength ? max : -1;
  }

  private static int intField(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isIntegralNumber() && value.canConvertToInt()
        ? value.intValue()
        : -1;
  }
}
