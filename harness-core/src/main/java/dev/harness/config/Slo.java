package dev.harness.config;

import java.util.List;

/**
 * Service-level objective of a plan.
 *
 * @param objectives latency objectives, all of which must hold
 * @param maxErrorRate highest acceptable share of non-successful requests (0..1)
 */
public record Slo(List<Objective> objectives, double maxErrorRate) {
  public Slo {
    objectives = List.copyOf(objectives);
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException("maxErrorRate must be from 0 to 1, got " + maxErrorRate);
    }
  }
}
