package dev.harness.traffic;

/**
 * The offered-load arithmetic of one step: the rate is linear over the window, so the cumulative
 * offered load {@code Λ(τ) = a·τ + m·τ²/2} (a = start rate, m = slope, τ seconds into the window)
 * and its inverse has a closed form.
 */
final class Segment {
  private final long startNanos;
  private final long endNanos;
  private final double fromRate;
  private final double slope;
  private final double load;

  Segment(Step step) {
    this.startNanos = step.startOffsetNanos();
    this.endNanos = step.endOffsetNanos();
    double seconds = step.durationNanos() / 1e9;
    this.fromRate = step.startRatePerSec();
    this.slope = (step.endRatePerSec() - step.startRatePerSec()) / seconds;
    this.load = step.expectedRequests();
  }

  long startNanos() {
    return startNanos;
  }

  long endNanos() {
    return endNanos;
  }

  /** Λ over the whole window: the expected number of requests. */
  double load() {
    return load;
  }

  /**
   * Seconds into the window at which the offered load reaches {@code units} (0 ≤ units ≤ load).
   *
   * <p>Solves {@code m·τ²/2 + a·τ − u = 0}. The textbook root {@code (−a + √(a² + 2mu)) / m}
   * cancels badly when m is small and divides by zero when m = 0; multiplying through by its
   * conjugate gives the equivalent {@code τ = 2u / (a + √(a² + 2mu))}, which is exact for m = 0
   * ({@code u / a}), for a = 0 ({@code √(2u/m)}) and for falling ramps.
   */
  double secondsAt(double units) {
    if (units <= 0) {
      return 0;
    }
    if (slope == 0) {
      return units / fromRate;
    }
    double discriminant = Math.max(0, fromRate * fromRate + 2 * slope * units);
    return 2 * units / (fromRate + Math.sqrt(discriminant));
  }
}
