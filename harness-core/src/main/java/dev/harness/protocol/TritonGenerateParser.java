package dev.harness.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parses one response of Triton's generate extension: a whole JSON object from {@code generate},
 * an SSE stream from {@code generate_stream}, or an error status; the reading rules are {@link
 * JsonStreamParser}'s.
 *
 * <p>Every event's {@code text_output} is one chunk of generated text. Triton sends no end marker,
 * so the stream ends properly with the body (a {@code [DONE]} some proxies add ends it too); it
 * succeeds when it carried at least one token. An object with a non-null {@code error} is an error.
 * A whole response must have a {@code text_output}.
 *
 * <p>Token counts: {@code num_output_tokens}, the per-response count the vLLM backend adds when
 * asked with {@code return_num_output_tokens}, summed over the events; {@code num_input_tokens}
 * gives the prompt tokens when present. Either may be a number or a one-element list (a tensor of
 * shape [1]).
 */
final class TritonGenerateParser extends JsonStreamParser {
  private long countedTokens;
  private boolean counted;
  private int promptTokens = -1;

  TritonGenerateParser(boolean streamRequested, int expectedOutputTokens) {
    super(streamRequested, expectedOutputTokens);
  }

  @Override
  boolean isError(JsonNode node) {
    JsonNode error = node.get("error");
    return error != null && !error.isNull();
  }

  @Override
  int onStreamEvent(JsonNode event) {
    readCounts(event);
    return textCodePoints(event);
  }

  @Override
  boolean streamCompleted(boolean doneMarker) {
    return true; // the body's end is the stream's end; "no output tokens" is checked after this
  }

  @Override
  long onWholeResponse(JsonNode response) {
    if (!response.has("text_output")) {
      throw new IllegalArgumentException("response has no \"text_output\"");
    }
    readCounts(response);
    return textCodePoints(response);
  }

  @Override
  int serverOutputTokens() {
    return counted ? (int) Math.min(Integer.MAX_VALUE, countedTokens) : -1;
  }

  @Override
  int serverPromptTokens() {
    return promptTokens;
  }

  /** Code points of {@code text_output}: a string, or the strings of a list (a batch of one). */
  private static int textCodePoints(JsonNode event) {
    JsonNode text = event.get("text_output");
    if (text == null) {
      return 0;
    }
    if (text.isTextual()) {
      return Json.codePoints(text.textValue());
    }
    int total = 0;
    if (text.isArray()) {
      for (JsonNode t : text) {
        total += t.isTextual() ? Json.codePoints(t.textValue()) : 0;
      }
    }
    return total;
  }

  private void readCounts(JsonNode event) {
    long output = count(event.get("num_output_tokens"));
    if (output >= 0) {
      countedTokens += output;
      counted = true;
    }
    long input = count(event.get("num_input_tokens"));
    if (input >= 0 && input <= Integer.MAX_VALUE) {
      promptTokens = (int) input;
    }
  }

  /** A whole number ≥ 0, also as a one-element list (a tensor of shape [1]); else -1. */
  private static long count(JsonNode value) {
    if (value != null && value.isArray() && value.size() == 1) {
      value = value.get(0);
    }
    return value != null && value.isIntegralNumber() && value.canConvertToLong()
            && value.longValue() >= 0
        ? value.longValue()
        : -1;
  }
}
