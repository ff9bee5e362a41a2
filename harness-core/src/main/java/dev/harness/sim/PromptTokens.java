package dev.harness.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Estimates a request's prompt tokens from its OpenAI-style body, the way the simulator charges
 * prefill for it. English text averages about four characters per token with the common BPE
 * vocabularies (OpenAI, "What are tokens and how to count them", help.openai.com), so:
 *
 * <ul>
 *   <li>a {@code prompt_tokens} integer in the body, if present, is taken as given;
 *   <li>chat: for each message, {@code ceil(characters / 4) + 4} (role and delimiters), where the
 *       content is a string or a list of {@code {"type":"text","text":...}} parts;
 *   <li>completions: {@code ceil(characters / 4)} of the prompt string(s), or the length of a
 *       prompt given as token ids; TGI's {@code inputs} (SageMaker LLM containers) counts the
 *       same way.
 * </ul>
 */
final class PromptTokens {
  static final int CHARS_PER_TOKEN = 4;
  static final int PER_MESSAGE = 4;

  private PromptTokens() {}

  static int estimate(JsonNode body) {
    JsonNode hint = body.get("prompt_tokens");
    if (hint != null && hint.canConvertToInt() && hint.asInt() >= 0) {
      return hint.asInt();
    }
    JsonNode messages = body.get("messages");
    if (messages != null && messages.isArray()) {
      long total = 0;
      for (JsonNode m : messages) {
        total += ofText(textOf(m.get("content"))) + PER_MESSAGE;
      }
      return (int) Math.min(Integer.MAX_VALUE, total);
    }
    JsonNode prompt = body.has("prompt") ? body.get("prompt") : body.get("inputs");
    if (prompt == null) {
      return 0;
    }
    if (prompt.isArray() && prompt.size() > 0 && prompt.get(0).isInt()) {
      return prompt.size(); // token ids
    }
    if (prompt.isArray()) {
      long total = 0;
      for (JsonNode p : prompt) {
        total += ofText(p.asText(""));
      }
      return (int) Math.min(Integer.MAX_VALUE, total);
    }
    return ofText(prompt.asText(""));
  }

  static int ofText(String text) {
    long chars = text.codePointCount(0, text.length());
    return (int) ((chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
  }

  private static String textOf(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode part : content) {
        sb.append(part.path("text").asText(""));
      }
      return sb.toString();
    }
    return content.asText("");
  }
}
