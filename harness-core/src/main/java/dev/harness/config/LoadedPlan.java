package dev.harness.config;

import java.util.List;
import java.util.Objects;

/**
 * A plan that passed validation, with the warnings found on the way (one line each, each naming
 * its field). Warnings never stop a run; the CLI shows them before it starts.
 */
public record LoadedPlan(Plan plan, List<String> warnings) {
  public LoadedPlan {
    Objects.requireNonNull(plan, "plan");
    warnings = List.copyOf(warnings);
  }
}
