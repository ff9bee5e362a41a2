package dev.harness.config;

import java.util.List;
import java.util.Objects;

/** A recommend plan that passed validation, with the warnings found on the way. */
public record LoadedRecommendPlan(RecommendPlan plan, List<String> warnings) {
  public LoadedRecommendPlan {
    Objects.requireNonNull(plan, "plan");
    warnings = List.copyOf(warnings);
  }
}
