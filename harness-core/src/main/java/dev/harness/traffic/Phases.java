package dev.harness.traffic;

import java.time.Duration;

/** Shared validation for phase records; messages name the bad field and value. */
final class Phases {
  private Phases() {}

  static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a phase needs a name");
    }
  }

  static void requireRate(String field, double rate) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(field + " must be a rate > 0 requests/s, got " + rate);
    }
  }

  static void requireNonNegativeRate(String field, double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(field + " must be a rate >= 0 requests/s, got " + rate);
    }
  }

  static void requireDuration(String field, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(field + " must be a positive duration, got " + d);
    }
  }

  static void requireArrival(Arrival arrival) {
    if (arrival == null) {
      throw new IllegalArgumentException("arrival is required");
    }
  }
}
