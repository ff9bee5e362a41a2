package dev.harness.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parses one OpenAI-compatible response (chat or completions): an SSE stream of chunks, a whole
 * JSON response, or an error status; the reading rules are {@link JsonStreamParser}'s.
 *
 * <p>Text is the {@code delta} (stream) or {@code message} (whole) content of every choice. A
 * stream ends properly with {@code data: [DONE]} or a choice with a non-null {@code
 * finish_reason}; else it is {@code STREAM_INCOMPLETE}. Token counts come from {@code
 * usage.completion_tokens} and {@code usage.prompt_tokens} (the last usage seen wins). An object
 * with an {@code error} member is an error.
 */
final class OpenAiResponseParser extends JsonStreamParser {
  private boolean finished;
  private int usageOutputTokens = -1;
  private int usagePromptTokens = -1;

  OpenAiResponseParser(boolean streamRequested, int expectedOutputTokens) {
    super(streamRequested, expectedOutputTokens);
  }

  @Override
  boolean isError(JsonNode node) {
    return OpenAiContent.isError(node);
  }

  @Override
  int onStreamEvent(JsonNode event) {
    JsonNode choices = event.get("choices");
    int codePoints = 0;
    if (choices != null && choices.isArray()) {
      for (JsonNode choice : choices) {
        codePoints += OpenAiContent.codePoints(choice, "delta");
        finished |= OpenAiContent.finished(choice);
      }
    }
    readUsage(event);
    return codePoints;
  }

  @Override
  boolean streamCompleted(boolean doneMarker) {
    return doneMarker || finished;
  }

  @Override
  long onWholeResponse(JsonNode response) {
    JsonNode choices = response.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw new IllegalArgumentException("response has no choices");
    }
    long codePoints = 0;
    for (JsonNode choice : choices) {
      codePoints += OpenAiContent.codePoints(choice, "message");
    }
    readUsage(response);
    return codePoints;
  }

  @Override
  int serverOutputTokens() {
    return usageOutputTokens;
  }

  @Override
  int serverPromptTokens() {
    return usagePromptTokens;
  }

  private void readUsage(JsonNode response) {
    JsonNode usage = response.get("usage");
    if (usage != null && usage.isObject()) {
      int output = OpenAiContent.usageField(usage, "completion_tokens");
      int prompt = OpenAiContent.usageField(usage, "prompt_tokens");
      usageOutputTokens = output >= 0 ? output : usageOutputTokens;
      usagePromptTokens = prompt >= 0 ? prompt : usagePromptTokens;
    }
  }
}
