package dev.harness.payload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rough token count for text when no tokenizer and no server count are at hand: about four
 * characters per token, the rule of thumb OpenAI gives for English text with its BPE tokenizers.
 * Code, non-Latin scripts and numbers tokenize denser; results based on it are flagged as
 * estimates wherever they are shown.
 */
public final class TokenEstimator {
  /** Characters (Unicode code points) per token. */
  public static final int CHARS_PER_TOKEN = 4;

  private TokenEstimator() {}

  /** {@code ceil(codePoints / 4)}; 0 for empty text. */
  public static int estimate(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text to estimate must not be null");
    }
    int chars = text.codePointCount(0, text.length());
    return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }

  /**
   * Estimated prompt tokens of a chat or completions request body: the estimate of its prompt
   * text (see {@link PromptText}), or -1 when the body has no prompt text.
   */
  public static int estimatePrompt(JsonNode body) {
    String text = PromptText.of(body);
    return text == null ? -1 : estimate(text);
  }
}
