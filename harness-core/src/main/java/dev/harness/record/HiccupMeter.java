package dev.harness.record;

import dev.harness.time.NanoClock;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Measures the generator's own pauses the way jHiccup does: a thread asks to sleep for 1 ms and
 * reports how much later than that it woke up. GC pauses, scheduler stalls and CPU starvation of
 * the load generator all show here, so a step can be judged invalid when the generator, not the
 * endpoint, was slow.
 */
public final class HiccupMeter implements Runnable {
  private static final long RESOLUTION_NANOS = 1_000_000L;

  private final NanoClock clock;
  private final LongConsumer hiccupNanos;
  private volatile boolean running = true;

  /** {@code hiccupNanos} receives each wake-up's lateness (≥ 0) in nanoseconds. */
  public HiccupMeter(NanoClock clock, LongConsumer hiccupNanos) {
    this.clock = clock;
    this.hiccupNanos = hiccupNanos;
  }

  /** Starts a daemon thread running the meter. */
  public Thread start() {
    Thread t = new Thread(this, "harness-hiccup");
    t.setDaemon(true);
    t.start();
    return t;
  }

  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      long before = clock.nanoTime();
      LockSupport.parkNanos(RESOLUTION_NANOS);
      long late = clock.nanoTime() - before - RESOLUTION_NANOS;
      hiccupNanos.accept(Math.max(0, late));
    }
  }
}
