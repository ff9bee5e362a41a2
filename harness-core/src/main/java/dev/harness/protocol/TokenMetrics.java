package dev.harness.protocol;

import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The LLM latency metrics of one response, defined once (docs/metrics.md maps them to vLLM's {@code
 * benchmarks/serve.py} and NVIDIA AIPerf). Pure: all inputs are nanoseconds read from one monotonic
 * clock, and nothing is recorded here.
 *
 * <ul>
 *   <li>TTFT = first content chunk − intended send time; TTFT-sent = first content chunk − actual
 *       send (flush) time.
 *   <li>E2E = last byte − intended send time.
 *   <li>TPOT = (E2E − TTFT) / (output tokens − 1), the vLLM definition; E2E − TTFT is the time from
 *       the first to the last token, so the choice of start time cancels out.
 *   <li>ICL = gap between consecutive content chunks (one chunk per socket read).
 *   <li>ITL = for each chunk after the first that carries k tokens, its gap / k, counted k times: a
 *       chunk of several tokens spreads its gap evenly over them.
 * </ul>
 *
 * <pre>{@code
 * TokenMetrics m = TokenMetrics.of(intended, flushed, lastByte, result);
 * if (m.ttftNanos() >= 0) ttft.recordValue(m.ttftNanos() / 1000);
 * m.forEachItl((gap, count) -> itl.recordValueWithCount(gap / 1000, count));
 * }</pre>
 */
public final class TokenMetrics {

  /** Receives ITL samples: {@code count} tokens, each {@code perTokenGapNanos} after the last. */
  @FunctionalInterface
  public interface ItlSink {
    void accept(long perTokenGapNanos, int count);
  }

  private final long e2eNanos;
  private final long e2eSentNanos;
  private final long ttftNanos;
  private final long ttftSentNanos;
  private final int outputTokens;
  private final long[] chunkNanos;
  private final int[] chunkTokens;

  private TokenMetrics(long intendedNanos, long sentNanos, long lastByteNanos, ResponseResult r) {
    this.chunkNanos = r.chunkNanos();
    this.chunkTokens = r.chunkTokens();
    this.outputTokens = r.outputTokens();
    this.e2eNanos = lastByteNanos - intendedNanos;
    this.e2eSentNanos = lastByteNanos - sentNanos;
    long first = r.firstTokenNanos();
    this.ttftNanos = chunkNanos.length == 0 ? -1 : first - intendedNanos;
    this.ttftSentNanos = chunkNanos.length == 0 ? -1 : first - sentNanos;
  }

  /**
   * The metrics of response {@code r}, whose request was due at {@code intendedNanos}, was flushed
   * at {@code sentNanos} and whose last byte arrived at {@code lastByteNanos}.
   */
  public static TokenMetrics of(
      long intendedNanos, long sentNanos, long lastByteNanos, ResponseResult r) {
    Objects.requireNonNull(r, "response result");
    return new TokenMetrics(intendedNanos, sentNanos, lastByteNanos, r);
  }

  /** Last byte − intended send time. */
  public long e2eNanos() {
    return e2eNanos;
  }

  /** Last byte − actual send time. */
  public long e2eSentNanos() {
    return e2eSentNanos;
  }

  /** First content chunk − intended send time; -1 if there was no content chunk. */
  public long ttftNanos() {
    return ttftNanos;
  }

  /** First content chunk − actual send time; -1 if there was no content chunk. */
  public long ttftSentNanos() {
    return ttftSentNanos;
  }

  /**
   * (E2E − TTFT) / (output tokens − 1); -1 when there are fewer than two output tokens or no
   * content chunk.
   */
  public long tpotNanos() {
    if (outputTokens < 2 || ttftNanos < 0) {
      return -1;
    }
    return (e2eNanos - ttftNanos) / (outputTokens - 1);
  }

  public int outputTokens() {
    return outputTokens;
  }

  /** Each gap between consecutive content chunks, in order. */
  public void forEachIcl(LongConsumer gapNanos) {
    for (int i = 1; i < chunkNanos.length; i++) {
      gapNanos.accept(chunkNanos[i] - chunkNanos[i - 1]);
    }
  }

  /**
   * For each chunk after the first carrying k &gt; 0 tokens: its gap to the previous chunk divided
   * by k, reported with count k. Chunks with no tokens are skipped.
   */
  public void forEachItl(ItlSink sink) {
    for (int i = 1; i < chunkNanos.length; i++) {
      int k = chunkTokens[i];
      if (k > 0) {
        sink.accept((chunkNanos[i] - chunkNanos[i - 1]) / k, k);
      }
    }
  }
}
