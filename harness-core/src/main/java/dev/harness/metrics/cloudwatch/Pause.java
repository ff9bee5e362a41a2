package dev.harness.metrics.cloudwatch;

import java.time.Duration;

/**
 * Waits between CloudWatch queries (for late data, or after a throttled call). Injected so that
 * tests advance a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Pause {
  /** Returns after {@code duration} (or earlier when interrupted). */
  void pause(Duration duration) throws InterruptedException;

  /** Sleeps the calling thread. */
  static Pause sleeping() {
    return d -> Thread.sleep(d.toMillis());
  }
}
