package dev.harness.result;

import dev.harness.record.LatencySummary;
import java.util.Map;

/**
 * One step (a phase, or one stair): its cohort is every request whose intended time falls in its
 * window, whenever it completed.
 *
 * @param index position in the schedule
 * @param name step name
 * @param phase phase it belongs to
 * @param startOffsetSeconds window start from the run origin
 * @param durationSeconds window length
 * @param offeredRps mean rate the schedule asked for
 * @param startRps rate at the window start (differs from endRps for ramps)
 * @param endRps rate at the window end
 * @param scheduled requests whose intended time fell in the window (each has one outcome)
 * @param achievedRps successful requests of the cohort per second of window
 * @param outcomes count per outcome label (only non-zero ones)
 * @param errorRate share of the cohort that did not succeed (drops and timeouts included)
 * @param latencies per metric tag (e2e, ttft, itl, ...), milliseconds, each with its n
 * @param outputTokens output tokens of successful requests
 * @param outputTokensPerSec outputTokens per second of window
 * @param tokenCountSources how many requests had their token counts from usage / known / estimate
 */
public record StepResult(
    int index,
    String name,
    String phase,
    double startOffsetSeconds,
    double durationSeconds,
    double offeredRps,
    double startRps,
    double endRps,
    long scheduled,
    double achievedRps,
    Map<String, Long> outcomes,
    double errorRate,
    Map<String, LatencySummary> latencies,
    long outputTokens,
    double outputTokensPerSec,
    Map<String, Long> tokenCountSources) {
  public StepResult {
    outcomes = Map.copyOf(outcomes);
    latencies = Map.copyOf(latencies);
    tokenCountSources = Map.copyOf(tokenCountSources);
  }
}
