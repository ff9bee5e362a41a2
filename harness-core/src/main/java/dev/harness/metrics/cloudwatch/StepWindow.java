package dev.harness.metrics.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A step's measured window on the wall clock, for {@link CloudWatchSource#warnings}.
 *
 * @param name how the step reads in a warning, e.g. {@code "step 3 (12 req/s)"}
 * @param from start, inclusive
 * @param to end, exclusive
 */
public record StepWindow(String name, Instant from, Instant to) {
  public StepWindow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("step " + name + " ends (" + to + ") before it starts ("
          + from + ")");
    }
  }

  /** How long the window lasts. */
  public Duration duration() {
    return Duration.between(from, to);
  }
}
