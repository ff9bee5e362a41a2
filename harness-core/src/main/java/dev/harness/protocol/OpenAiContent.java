package dev.harness.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the generated text out of OpenAI-compatible response objects, counted in Unicode code
 * points. Generated output is: chat {@code content}, reasoning ({@code reasoning_content}, or
 * {@code reasoning} in newer vLLM), tool-call {@code function.arguments}, and completions {@code
 * text}. Role-only deltas and empty strings count as nothing.
 */
final class OpenAiContent {

  private OpenAiContent() {}

  /**
   * Code points generated in one choice; {@code messageField} is {@code "delta"} for stream chunks
   * and {@code "message"} for whole responses.
   */
  static int codePoints(JsonNode choice, String messageField) {
    if (choice == null || !choice.isObject()) {
      return 0;
    }
    int total = Json.codePoints(Json.text(choice, "text"));
    JsonNode message = choice.get(messageField);
    if (message != null && message.isObject()) {
      total += Json.codePoints(Json.text(message, "content"));
      String reasoning = Json.text(message, "reasoning_content");
      total += Json.codePoints(reasoning != null ? reasoning : Json.text(message, "reasoning"));
      JsonNode toolCalls = message.get("tool_calls");
      if (toolCalls != null && toolCalls.isArray()) {
        for (JsonNode call : toolCalls) {
          JsonNode function = call.get("function");
          if (function != null && function.isObject()) {
            total += Json.codePoints(Json.text(function, "arguments"));
          }
        }
      }
    }
    return total;
  }

  /** Whether the choice carries a non-null {@code finish_reason}. */
  static boolean finished(JsonNode choice) {
    JsonNode reason = choice == null ? null : choice.get("finish_reason");
    return reason != null && !reason.isNull();
  }

  /**
   * Whether the object is an error report: a top-level {@code error} or {@code "object": "error"}.
   */
  static boolean isError(JsonNode node) {
    JsonNode error = node.get("error");
    return (error != null && !error.isNull()) || "error".equals(Json.text(node, "object"));
  }

  /** An integer field of {@code usage}, or -1 when absent. */
  static int usageField(JsonNode usage, String field) {
    JsonNode value = usage == null ? null : usage.get(field);
    return value != null && value.canConvertToInt() && value.isIntegralNumber()
        ? value.intValue()
        : -1;
  }
}
