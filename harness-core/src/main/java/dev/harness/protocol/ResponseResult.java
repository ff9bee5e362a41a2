package dev.harness.protocol;

import dev.harness.record.TokenCountSource;
import dev.harness.record.Outcome;

/**
 * What a parser concluded about one response.
 *
 * @param outcome success or the error class
 * @param detail short human-readable error detail (status line, server message), or null
 * @param httpStatus HTTP status code, or 0 if none was seen
 * @param outputTokens output tokens (see {@code tokenSource}); 0 if none
 * @param promptTokens prompt tokens from usage, or -1
 * @param tokenSource where {@code outputTokens} came from
 * @param chunkNanos read times of the content-bearing chunks, in order (first = first token); empty
 *     for non-token protocols
 * @param chunkTokens tokens attributed to each chunk (same length as chunkNanos)
 */
public record ResponseResult(
    Outcome outcome,
    String detail,
    int httpStatus,
    int outputTokens,
    int promptTokens,
    TokenCountSource tokenSource,
    long[] chunkNanos,
    int[] chunkTokens) {

  private static final long[] NO_NANOS = new long[0];
  private static final int[] NO_TOKENS = new int[0];

  public ResponseResult {
    if (chunkNanos == null) {
      chunkNanos = NO_NANOS;
    }
    if (chunkTokens == null) {
      chunkTokens = NO_TOKENS;
    }
    if (chunkNanos.length != chunkTokens.length) {
      throw new IllegalArgumentException("chunkNanos and chunkTokens differ in length");
    }
  }

  /** A non-token success (generic HTTP, non-streaming). */
  public static ResponseResult success(int status) {
    return new ResponseResult(Outcome.SUCCESS, null, status, 0, -1, TokenCountSource.NONE, null, null);
  }

  public static ResponseResult failure(Outcome outcome, int status, String detail) {
    return new ResponseResult(outcome, detail, status, 0, -1, TokenCountSource.NONE, null, null);
  }

  /** Read time of the first content chunk (first token), or -1. */
  public long firstTokenNanos() {
    return chunkNanos.length == 0 ? -1 : chunkNanos[0];
  }
}
