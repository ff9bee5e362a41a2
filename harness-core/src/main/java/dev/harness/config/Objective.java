package dev.harness.config;

import dev.harness.record.Metric;
import java.time.Duration;

/**
 * One latency objective: the {@code percentile} of {@code metric} must not exceed {@code
 * threshold}.
 *
 * @param percentile e.g. 99.0 for p99
 */
public record Objective(Metric metric, double percentile, Duration threshold) {}
