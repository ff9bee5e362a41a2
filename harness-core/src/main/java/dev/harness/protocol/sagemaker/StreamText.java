package dev.harness.protocol.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generated text in one JSON line of a SageMaker response stream, counted in code points. The
 * shapes are those of the common SageMaker LLM containers: TGI and LMI ({@code {"token": {"text":
 * ...}}}, with {@code "special": true} for tokens such as end-of-sequence, which are not text),
 * vLLM's OpenAI server ({@code choices[].delta.content} or {@code choices[].text}), and whole
 * outputs ({@code outputs} as a string or list of strings, {@code generated_text}). The first shape
 * present wins, so TGI's last line, which repeats the whole text in {@code generated_text} next to
 * its last token, counts only the token.
 */
final class StreamText {
  private StreamText() {}

  static int codePoints(JsonNode line) {
    JsonNode token = line.get("token");
    if (token != null && token.isObject()) {
      return token.path("special").asBoolean(false) ? 0 : text(token.get("text"));
    }
    JsonNode choices = line.get("choices");
    if (choices != null && choices.isArray()) {
      int total = 0;
      for (JsonNode choice : choices) {
        total += text(choice.get("text"));
        JsonNode delta = choice.get("delta");
        if (delta != null && delta.isObject()) {
          total += text(delta.get("content"));
          JsonNode reasoning = delta.get("reasoning_content");
          total += text(reasoning != null ? reasoning : delta.get("reasoning"));
        }
      }
      return total;
    }
    JsonNode outputs = line.get("outputs");
    if (outputs != null && outputs.isArray()) {
      int total = 0;
      for (JsonNode o : outputs) {
        total += text(o);
      }
      return total;
    }
    if (outputs != null) {
      return text(outputs);
    }
    return text(line.get("generated_text"));
  }

  private static int text(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return 0;
    }
    String s = node.textValue();
    return s.codePointCount(0, s.length());
  }
}
