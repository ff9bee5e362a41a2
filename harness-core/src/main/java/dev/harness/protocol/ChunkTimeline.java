package dev.harness.protocol;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The content-bearing events of one stream grouped into chunks, one chunk per socket read.
 *
 * <p>An event is added with the completion time of the read that finished it. Events with the same
 * read time as the last chunk join that chunk: the client saw them at the same instant, whatever
 * the server's framing. Per chunk it keeps the number of events, the content code points (the
 * weights for spreading a server-given token count) and a per-event token estimate (so the estimate
 * does not depend on how the reads happened to split the stream).
 *
 * <p>Public so that adapters outside this package (the SageMaker stream) group their events the
 * same way. Not thread-safe: one instance per response.
 */
public final class ChunkTimeline {

  private long[] nanos = new long[64];
  private int[] events = new int[64];
  private long[] codePoints = new long[64];
  private int[] estimated = new int[64];
  private int size;
  private long totalEvents;

  /**
   * One content-bearing event ({@code codePoints} &gt; 0) completed by the read at {@code
   * readNanos}.
   */
  public void addEvent(long readNanos, int eventCodePoints) {
    if (size == 0 || nanos[size - 1] != readNanos) {
      grow();
      nanos[size] = readNanos;
      size++;
    }
    int last = size - 1;
    events[last]++;
    codePoints[last] += eventCodePoints;
    estimated[last] += Math.max(1, TokenEstimator.estimate(eventCodePoints));
    totalEvents++;
  }

  public int size() {
    return size;
  }

  public long totalEvents() {
    return totalEvents;
  }

  public long[] chunkNanos() {
    return Arrays.copyOf(nanos, size);
  }

  /** One token per content-bearing event. */
  public int[] tokensFromEvents() {
    return Arrays.copyOf(events, size);
  }

  /** The per-event estimates summed per chunk. */
  public int[] estimatedTokens() {
    return Arrays.copyOf(estimated, size);
  }

  /**
   * {@code total} tokens spread over the chunks in proportion to their content code points, by the
   * largest-remainder (Hamilton) method: each chunk gets the floor of its exact quota, and the
   * tokens left over go one each to the chunks with the largest fractional parts (earlier chunk
   * first on ties). The result sums to exactly {@code total}.
   */
  public int[] distribute(int total) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0: " + total);
    }
    int[] tokens = new int[size];
    long weightSum = 0;
    for (int i = 0; i < size; i++) {
      weightSum += codePoints[i];
    }
    if (size == 0 || weightSum == 0) {
      return tokens;
    }
    long[] remainders = new long[size];
    long assigned = 0;
    for (int i = 0; i < size; i++) {
      long quota = (long) total * codePoints[i];
      tokens[i] = (int) (quota / weightSum);
      remainders[i] = quota % weightSum;
      assigned += tokens[i];
    }
    int leftOver = (int) (total - assigned);
    int[] byRemainder =
        IntStream.range(0, size)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingLong(i -> remainders[i])
                    .reversed()
                    .thenComparingInt(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    for (int k = 0; k < leftOver; k++) {
      tokens[byRemainder[k]]++;
    }
    return tokens;
  }

  private void grow() {
    if (size == nanos.length) {
      int capacity = size * 2;
      nanos = Arrays.copyOf(nanos, capacity);
      events = Arrays.copyOf(events, capacity);
      codePoints = Arrays.copyOf(codePoints, capacity);
      estimated = Arrays.copyOf(estimated, capacity);
    }
  }
}
