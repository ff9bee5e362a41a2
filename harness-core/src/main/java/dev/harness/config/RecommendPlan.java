package dev.harness.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated {@code harness recommend} plan (docs/recommend.md): what every candidate shares
 * (payloads, SLO, limits, capacity settings, seed, output: the {@code base} plan, whose target is
 * the first candidate's), the declared traffic, the platform that decides the price, extra catalog
 * files, and the candidates in order.
 *
 * @param base the shared plan; each candidate runs {@code base.withTarget(...)}
 * @param traffic the traffic fleets are sized for
 * @param platform which catalog price applies
 * @param catalogFiles catalog files read over the bundled one, in order (may be empty)
 * @param parallel run the candidates at the same time (distinct endpoints only)
 * @param candidates at least one, names unique
 */
public record RecommendPlan(
    Plan base,
    TrafficSpec traffic,
    PlatformKind platform,
    List<Path> catalogFiles,
    boolean parallel,
    List<CandidateSpec> candidates) {
  public RecommendPlan {
    if (base == null || traffic == null || platform == null) {
      throw new IllegalArgumentException("a recommend plan needs a base plan, traffic and platform");
    }
    catalogFiles = List.copyOf(catalogFiles);
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("a recommend plan needs at least one candidate");
    }
    Set<String> names = new HashSet<>();
    for (CandidateSpec c : candidates) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("two candidates are named " + c.name());
      }
    }
  }

  /** The plan one candidate runs: the base with its target and metrics, under its name. */
  public Plan planFor(CandidateSpec c) {
    if (c.target() == null) {
      throw new IllegalArgumentException("candidate " + c.name() + " has no target to run");
    }
    return base.withTarget(c.target(), c.metrics()).withName(c.name());
  }
}
