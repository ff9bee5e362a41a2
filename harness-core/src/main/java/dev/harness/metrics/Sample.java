package dev.harness.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of a server-side metric at a wall-clock time.
 *
 * @param time when the value was observed (scrape time, or the start of a CloudWatch period)
 * @param value the value; may be {@code NaN} or infinite when the server reports so
 */
public record Sample(Instant time, double value) {
  public Sample {
    Objects.requireNonNull(time, "time");
  }
}
