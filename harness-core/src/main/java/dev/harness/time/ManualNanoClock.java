package dev.harness.time;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; for tests of anything time-dependent. */
public final class ManualNanoClock implements NanoClock {
  private final AtomicLong nanos;
  private final long wallOriginMillis;

  public ManualNanoClock(long startNanos, long wallOriginMillis) {
    this.nanos = new AtomicLong(startNanos);
    this.wallOriginMillis = wallOriginMillis;
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public long wallClockMillis() {
    return wallOriginMillis + nanos.get() / 1_000_000L;
  }

  public void advanceNanos(long delta) {
    nanos.addAndGet(delta);
  }

  public void setNanos(long value) {
    nanos.set(value);
  }
}
