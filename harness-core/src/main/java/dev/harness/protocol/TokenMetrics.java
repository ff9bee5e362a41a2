package dev.harness.protocol;

import java.util.function.LongConsumer;

/** TEMPORARY stub until the protocol branch lands. */
public final class TokenMetrics {
  public static TokenMetrics of(long i, long s, long l, ResponseResult r) {
    throw new UnsupportedOperationException();
  }

  public long ttftNanos() {
    return -1;
  }

  public long ttftSentNanos() {
    return -1;
  }

  public long tpotNanos() {
    return -1;
  }

  public int outputTokens() {
    return 0;
  }

  public void forEachIcl(LongConsumer c) {}

  public void forEachItl(ItlSink sink) {}

  public interface ItlSink {
    void accept(long perTokenGapNanos, int count);
  }
}
