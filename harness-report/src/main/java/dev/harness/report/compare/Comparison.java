package dev.harness.report.compare;

import java.util.List;

/**
 * What {@code harness compare} found: every check in table order (the sustainable rate and fleet
 * cost first, then each offered rate ascending, its quantities in {@link Quantity#ALONG_THE_CURVE}
 * order) and notes about what was or was not compared.
 *
 * @param planName the plan all runs ran
 * @param baselineRuns run ids of the baselines, in the order given
 * @param currentRun run id of the current run
 * @param tolerances the tolerances applied
 * @param checks every check
 * @param notes one line each: the tolerance basis, rates or quantities left out and why
 */
public record Comparison(
    String planName,
    List<String> baselineRuns,
    String currentRun,
    Tolerances tolerances,
    List<Check> checks,
    List<String> notes) {
  public Comparison {
    baselineRuns = List.copyOf(baselineRuns);
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
  }

  /** True when every check holds. */
  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  /** The checks that failed, in table order. */
  public List<Check> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
