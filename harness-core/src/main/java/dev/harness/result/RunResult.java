package dev.harness.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured, as written to {@code results.json} (schema documented in
 * docs/results-schema.md). Reports and comparisons read only this and {@code requests.bin}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param runId directory name of the run
 * @param kind "run" for fixed phases, "capacity" for a capacity search, "recommend" for a
 *     recommendation (its candidates' own results are in sub-directories)
 * @param startedAt wall-clock time of the schedule origin
 * @param endedAt wall-clock time the run ended
 * @param interrupted stopped before the schedule ended
 * @param stopReason why, or null
 * @param seed seed of arrival gaps and payload order
 * @param versions harness, Java, Netty, OS
 * @param plan the plan as run (no secrets: header values and tokens are never recorded)
 * @param payloads the payload set
 * @param generator facts about the load generator itself
 * @param anchors (monotonic ns, wall-clock ms) pairs, one per interval, to map requests.bin
 *     timestamps and hlog intervals to calendar time
 * @param steps one entry per step, in schedule order
 * @param totals the whole run
 * @param warnings things the user should know (one line each)
 * @param capacity the capacity search ({@code kind} "capacity"), or null for a plain run
 * @param recommendation the ranking and decision ({@code kind} "recommend"), or null
 */
public record RunResult(
    int schemaVersion,
    String runId,
    String kind,
    Instant startedAt,
    Instant endedAt,
    boolean interrupted,
    String stopReason,
    long seed,
    Map<String, String> versions,
    PlanSummary plan,
    PayloadSummary payloads,
    GeneratorSummary generator,
    List<Anchor> anchors,
    List<StepResult> steps,
    Totals totals,
    List<String> warnings,
    CapacityResult capacity,
    RecommendationResult recommendation) {

  public static final int SCHEMA_VERSION = 1;

  /** A result without a recommendation (every kind but "recommend"). */
  public RunResult(
      int schemaVersion,
      String runId,
      String kind,
      Instant startedAt,
      Instant endedAt,
      boolean interrupted,
      String stopReason,
      long seed,
      Map<String, String> versions,
      PlanSummary plan,
      PayloadSummary payloads,
      GeneratorSummary generator,
      List<Anchor> anchors,
      List<StepResult> steps,
      Totals totals,
      List<String> warnings,
      CapacityResult capacity) {
    this(schemaVersion, runId, kind, startedAt, endedAt, interrupted, stopReason, seed, versions,
        plan, payloads, generator, anchors, steps, totals, warnings, capacity, null);
  }

  public RunResult {
    versions = Map.copyOf(versions);
    anchors = List.copyOf(anchors);
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }

  /** A monotonic reading (ns since the run origin) and the wall clock at the same moment. */
  public record Anchor(long offsetNanos, long wallClockMillis) {}
}
