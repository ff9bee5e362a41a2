package dev.harness.report.compare;

import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One run as {@code harness compare} reads it: its results and, for a {@code harness recommend}
 * run, the recommended fleet's monthly cost.
 *
 * @param label how the run is named in messages (its directory as given)
 * @param result its results.json
 * @param fleetMonthlyCost {@code recommendation.decision.monthlyCost}, or null when the results
 *     have no recommendation (every kind but "recommend") or no decision
 */
public record ComparedRun(String label, RunResult result, Double fleetMonthlyCost) {
  public ComparedRun {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(result, "result");
  }

  /** A run without a recommendation. */
  public static ComparedRun of(String label, RunResult result) {
    return new ComparedRun(label, result, null);
  }

  /**
   * Reads a results directory; the fleet cost is the recommendation's decision, if any.
   *
   * @throws IOException when the directory has no readable results.json
   */
  public static ComparedRun read(Path dir) throws IOException {
    RunResult result = ResultsJson.read(dir);
    Double cost = result.recommendation() == null || result.recommendation().decision() == null
        ? null : result.recommendation().decision().monthlyCost();
    return new ComparedRun(dir.toString(), result, cost);
  }

  /** The run id of the results. */
  public String runId() {
    return result.runId();
  }
}
