package dev.harness.payload;

import java.util.Arrays;

/**
 * Size figures of a payload set, computed during its one scan (what {@code harness payloads
 * inspect} shows).
 *
 * @param count valid payloads
 * @param bodyBytes size of each request body as sent (compact JSON, or the string's UTF-8 bytes)
 * @param promptTokens prompt length of the payloads that have one: {@code prompt_tokens} where
 *     given, else {@link TokenEstimator#estimatePrompt} of the chat or completions text
 * @param maxTokens known output lengths ({@code max_tokens} / {@code max_completion_tokens})
 * @param promptTokensEstimated whether any prompt length was estimated rather than given
 * @param promptTokenHistogramCounts payloads per prompt-length bucket; bucket i holds lengths in
 *     {@code (histogramUpperBounds[i-1], histogramUpperBounds[i]]}
 * @param histogramUpperBounds inclusive bucket upper bounds: powers of two from 128 up to the
 *     first that holds the longest prompt (empty when no payload has a prompt length)
 */
public record PayloadStats(
    int count,
    Summary bodyBytes,
    Summary promptTokens,
    Summary maxTokens,
    boolean promptTokensEstimated,
    long[] promptTokenHistogramCounts,
    long[] histogramUpperBounds) {

  public PayloadStats {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    if (bodyBytes == null || promptTokens == null || maxTokens == null) {
      throw new IllegalArgumentException("summaries must not be null");
    }
    if (promptTokenHistogramCounts == null
        || histogramUpperBounds == null
        || promptTokenHistogramCounts.length != histogramUpperBounds.length) {
      throw new IllegalArgumentException("histogram counts and bounds must have the same length");
    }
    for (int i = 1; i < histogramUpperBounds.length; i++) {
      if (histogramUpperBounds[i] <= histogramUpperBounds[i - 1]) {
        throw new IllegalArgumentException(
            "histogram bounds must increase, got " + Arrays.toString(histogramUpperBounds));
      }
    }
    promptTokenHistogramCounts = promptTokenHistogramCounts.clone();
    histogramUpperBounds = histogramUpperBounds.clone();
  }

  @Override
  public long[] promptTokenHistogramCounts() {
    return promptTokenHistogramCounts.clone();
  }

  @Override
  public long[] histogramUpperBounds() {
    return histogramUpperBounds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PayloadStats s
        && count == s.count
        && bodyBytes.equals(s.bodyBytes)
        && promptTokens.equals(s.promptTokens)
        && maxTokens.equals(s.maxTokens)
        && promptTokensEstimated == s.promptTokensEstimated
        && Arrays.equals(promptTokenHistogramCounts, s.promptTokenHistogramCounts)
        && Arrays.equals(histogramUpperBounds, s.histogramUpperBounds);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hash(count, bodyBytes, promptTokens, maxTokens,
            promptTokensEstimated)
        + 17 * Arrays.hashCode(promptTokenHistogramCounts)
        + Arrays.hashCode(histogramUpperBounds);
  }

  @Override
  public String toString() {
    return "PayloadStats[count=" + count + ", bodyBytes=" + bodyBytes + ", promptTokens="
        + promptTokens + (promptTokensEstimated ? " (estimated)" : "") + ", maxTokens=" + maxTokens
        + ", histogram=" + Arrays.toString(promptTokenHistogramCounts) + " ≤ "
        + Arrays.toString(histogramUpperBounds) + "]";
  }

  /**
   * Distribution of one per-payload number. Percentiles use the nearest-rank definition: pX is the
   * smallest value with at least X% of the values at or below it, i.e. the value of rank {@code
   * ceil(X/100 · n)} in sorted order. All fields are 0 when {@code n} is 0.
   *
   * @param n how many payloads have the number
   */
  public record Summary(int n, long min, long p50, long p90, long p99, long max, double mean) {
    public Summary {
      if (n < 0) {
        throw new IllegalArgumentException("n must be >= 0, got " + n);
      }
      if (n > 0 && !(min <= p50 && p50 <= p90 && p90 <= p99 && p99 <= max)) {
        throw new IllegalArgumentException(
            "summary must satisfy min <= p50 <= p90 <= p99 <= max, got " + min + ", " + p50
                + ", " + p90 + ", " + p99 + ", " + max);
      }
    }

    /** The summary of no values. */
    public static Summary empty() {
      return new Summary(0, 0, 0, 0, 0, 0, 0);
    }

    /** Summarises the first {@code n} values (the array is sorted in place). */
    public static Summary of(int[] values, int n) {
      if (n == 0) {
        return empty();
      }
      Arrays.sort(values, 0, n);
      long sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[i];
      }
      return new Summary(
          n,
          values[0],
          rank(values, n, 50),
          rank(values, n, 90),
          rank(values, n, 99),
          values[n - 1],
          (double) sum / n);
    }

    private static long rank(int[] sorted, int n, int percent) {
      int rank = (int) Math.ceil(percent / 100.0 * n);
      return sorted[Math.max(rank, 1) - 1];
    }
  }
}
