package dev.harness.config;

import dev.harness.traffic.Phase;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated, immutable test plan.
 *
 * @param source the plan file (null when built in code)
 * @param name display name (defaults to the file name without extension)
 * @param target the endpoint
 * @param payloads the payload set
 * @param phases traffic phases, in order ({@code harness run}); empty when the plan has only a
 *     capacity section
 * @param slo objectives (may be empty)
 * @param limits timeouts, in-flight cap, pool size
 * @param seed seed of arrival gaps and payload order
 * @param outputDir parent of {@code <run-id>/} result directories
 * @param capacity how {@code harness capacity} searches (defaults when the plan has no section)
 * @param metrics server-side metrics sources to sample during the run; null for none
 */
public record Plan(
    Path source,
    String name,
    Target target,
    PayloadSpec payloads,
    List<Phase> phases,
    Slo slo,
    Limits limits,
    long seed,
    Path outputDir,
    CapacitySpec capacity,
    MetricsSpec metrics) {
  public Plan {
    phases = List.copyOf(phases);
  }

  /** This plan with another capacity section (e.g. the demo's quick ladder). */
  public Plan withCapacity(CapacitySpec other) {
    return new Plan(source, name, target, payloads, phases, slo, limits, seed, outputDir, other,
        metrics);
  }

  /** This plan against another endpoint, with that endpoint's metrics source (null for none). */
  public Plan withTarget(Target otherTarget, MetricsSpec otherMetrics) {
    return new Plan(source, name, otherTarget, payloads, phases, slo, limits, seed, outputDir,
        capacity, otherMetrics);
  }

  /** This plan under another name (the name of its results directory). */
  public Plan withName(String otherName) {
    return new Plan(source, otherName, target, payloads, phases, slo, limits, seed, outputDir,
        capacity, metrics);
  }

  /** Highest rate any phase offers. */
  public double peakRatePerSec() {
    return phases.stream().mapToDouble(Phase::peakRatePerSec).max().orElse(0);
  }
}
