package dev.harness.config;

import java.time.Duration;
import java.util.List;

/**
 * How {@code harness capacity} searches for the highest sustainable rate (the plan's {@code
 * capacity:} section; every field has a default, LLM targets get longer steps and a coarser
 * precision).
 *
 * @param ladder fixed rates to measure in order ({@code strategy: ladder}); empty for the search
 * @param precision relative width of the final bracket, e.g. 0.05 for 5 %
 * @param confidence confidence of the one-sided bounds behind each verdict, e.g. 0.95
 * @param startRate first rate of the geometric growth (non-LLM targets); NaN for automatic
 *     (half the rate one connection sustains at the idle latency)
 * @param minRate lowest rate tried before declaring that even the lowest rate fails
 * @param maxRate highest rate ever offered
 * @param saturationConcurrency requests in flight in the closed-loop saturation step (LLM)
 * @param trialDuration minimum measured window of a bracketing step
 * @param finalDuration minimum measured window of a step that confirms a bound
 * @param maxStepDuration longest a measured window is extended while its verdict is inconclusive
 * @param warmup traffic at the step's rate before its window, not recorded in the step; null for
 *     the default (LLM: max(2 × previous step's p99 end-to-end, 30 s); others 5 s)
 * @param cooldownTimeout longest wait between steps for the server to be idle again
 * @param maxDuration the whole search ends by then
 * @param maxRequests the whole search ends after this many requests (0 = no bound)
 * @param errorStormRate error share that, held for {@code errorStormFor}, aborts the search
 * @param errorStormFor how long the error storm must last
 * @param instances instances behind the endpoint (dry-run instance-hours)
 * @param hourlyPrice price of one instance-hour for the dry-run estimate, or NaN if unknown
 */
public record CapacitySpec(
    List<Double> ladder,
    double precision,
    double confidence,
    double startRate,
    double minRate,
    double maxRate,
    int saturationConcurrency,
    Duration trialDuration,
    Duration finalDuration,
    Duration maxStepDuration,
    Duration warmup,
    Duration cooldownTimeout,
    Duration maxDuration,
    long maxRequests,
    double errorStormRate,
    Duration errorStormFor,
    int instances,
    double hourlyPrice) {
  public CapacitySpec {
    ladder = List.copyOf(ladder);
    if (!(precision > 0 && precision < 1)) {
      throw new IllegalArgumentException("precision must be between 0 and 1, got " + precision);
    }
    if (!(confidence >= 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be from 0.5 to 1, got " + confidence);
    }
    if (!(minRate > 0 && minRate <= maxRate)
        || !Double.isNaN(startRate) && !(minRate <= startRate && startRate <= maxRate)) {
      throw new IllegalArgumentException(
          "rates must satisfy 0 < min-rate <= start-rate <= max-rate, got "
              + minRate + ", " + startRate + ", " + maxRate);
    }
    if (trialDuration.compareTo(finalDuration) > 0
        || finalDuration.compareTo(maxStepDuration) > 0) {
      throw new IllegalArgumentException(
          "durations must satisfy trial-duration <= final-duration <= max-step-duration");
    }
  }

  public boolean isLadder() {
    return !ladder.isEmpty();
  }

  /** The defaults for a target ({@code llm}: streaming LLM protocol). */
  public static CapacitySpec defaults(boolean llm) {
    return new CapacitySpec(
        List.of(),
        llm ? 0.10 : 0.05,
        0.95,
        Double.NaN,
        llm ? 0.05 : 0.1,
        100_000,
        64,
        Duration.ofSeconds(llm ? 30 : 10),
        Duration.ofSeconds(llm ? 60 : 30),
        Duration.ofSeconds(llm ? 180 : 90),
        null,
        Duration.ofSeconds(60),
        Duration.ofMinutes(60),
        0,
        0.5,
        Duration.ofSeconds(10),
        1,
        Double.NaN);
  }
}
