package dev.harness.config;

import dev.harness.record.Metric;
import java.time.Duration;

/**
 * One latency objective: the {@code percentile} of {@code metric} must not exceed {@code
 * threshold}.
 *
 * @param percentile e.g. 99.0 for p99
 */
public record Objective(Metric metric, double percentile, Duration threshold) {
  public Objective {
    if (metric == null) {
      throw new IllegalArgumentException("an objective needs a metric");
    }
    if (!(percentile > 0 && percentile < 100)) {
      throw new IllegalArgumentException(
          "percentile must be between 0 and 100, both excluded, got " + percentile);
    }
    if (threshold == null || threshold.isZero() || threshold.isNegative()) {
      throw new IllegalArgumentException("threshold must be a positive duration, got " + threshold);
    }
  }
}
