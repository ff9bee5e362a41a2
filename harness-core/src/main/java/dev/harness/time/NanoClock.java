package dev.harness.time;

/**
 * The one monotonic clock every request timestamp is read from.
 *
 * <p>Injected everywhere time matters so tests can use a manual clock. Values are only meaningful
 * as differences; {@link #wallClockMillis()} exists to anchor them to calendar time in results.
 */
public interface NanoClock {

  /** Monotonic nanoseconds (arbitrary origin). */
  long nanoTime();

  /** Wall-clock milliseconds since the epoch, used only to anchor monotonic readings. */
  long wallClockMillis();

  /** The system clock: {@link System#nanoTime()} and {@link System#currentTimeMillis()}. */
  static NanoClock system() {
    return SystemNanoClock.INSTANCE;
  }
}
