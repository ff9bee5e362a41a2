package dev.harness.protocol;

import dev.harness.record.TokenCountSource;

/**
 * Rough token count of generated text when the server gives no usage and the length is not known:
 * about four characters (Unicode code points) per token, rounded half up, the rule of thumb OpenAI
 * gives for English text with its BPE tokenizers. Results counted this way are flagged {@link
 * TokenCountSource#ESTIMATED}; the estimate is poor for code and for non-Latin scripts.
 */
public final class TokenEstimator {

  /** Code points per token. */
  public static final int CHARS_PER_TOKEN = 4;

  private TokenEstimator() {}

  /** Tokens for text of {@code codePoints} code points: 0 for none, else at least 1. */
  public static int estimate(long codePoints) {
    if (codePoints < 0) {
      throw new IllegalArgumentException("codePoints must be >= 0: " + codePoints);
    }
    if (codePoints == 0) {
      return 0;
    }
    long tokens = (codePoints + CHARS_PER_TOKEN / 2) / CHARS_PER_TOKEN;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, tokens));
  }
}
