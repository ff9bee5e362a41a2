package dev.harness.capacity;

import dev.harness.config.CapacitySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a capacity search is expected to cost before it runs ({@code harness capacity --dry-run}):
 * the steps it will probably take, each with its warm-up and its shortest and longest window, and
 * the instance-hours. A ladder is exact; a search's rates depend on what it measures, so its steps
 * are the typical sequence (growth to a fail, bisection to the precision, two confirmations).
 */
public final class DryRun {
  private DryRun() {}

  /**
   * One expected step.
   *
   * @param kind what it is for
   * @param rate its rate when known in advance (ladder), else NaN
   * @param what one line, e.g. "bisect (rate decided by the previous steps)"
   * @param warmup warm-up before its window
   * @param shortest its window when the verdict is clear at once
   * @param longest its window when the verdict stays inconclusive
   */
  public record ExpectedStep(StepKind kind, double rate, String what, Duration warmup,
      Duration shortest, Duration longest) {}

  /**
   * The estimate.
   *
   * @param steps expected steps
   * @param shortest total time if every verdict is clear at once
   * @param longest total time if every window runs to its maximum (bounded by max-duration)
   * @param instanceHoursLongest instance-hours at the longest, for {@code instances} instances
   * @param costLongest those hours at the plan's hourly price, NaN without one
   */
  public record Estimate(List<ExpectedStep> steps, Duration shortest, Duration longest,
      double instanceHoursLongest, double costLongest) {}

  /**
   * @param llm LLM target (saturation step first, LLM warm-ups)
   * @param cooldown expected wait between steps (the idle probe)
   */
  public static Estimate of(CapacitySpec spec, boolean llm, Duration cooldown) {
    Duration warmup = spec.warmup() != null ? spec.warmup()
        : Duration.ofSeconds(llm ? 30 : 5);
    Duration trialMax = spec.trialDuration().multipliedBy(2).compareTo(spec.maxStepDuration()) > 0
        ? spec.maxStepDuration() : spec.trialDuration().multipliedBy(2);
    List<ExpectedStep> steps = new ArrayList<>();
    if (spec.isLadder()) {
      for (double r : spec.ladder()) {
        steps.add(new ExpectedStep(StepKind.LADDER, r, "ladder rung", warmup,
            spec.finalDuration(), spec.maxStepDuration()));
      }
    } else {
      if (llm) {
        steps.add(new ExpectedStep(StepKind.SATURATION, Double.NaN,
            "closed loop at " + spec.saturationConcurrency() + " in flight", warmup,
            spec.trialDuration(), spec.trialDuration()));
      }
      int growth = llm ? 4 : 6; // 0.3 → 1.0 × saturation in ≤ 1.5× steps, or doubling to a fail
      for (int i = 0; i < growth; i++) {
        steps.add(new ExpectedStep(StepKind.TRIAL, Double.NaN,
            llm ? "grow from 0.3 × saturation" : "grow ×2 until a fail", warmup,
            spec.trialDuration(), trialMax));
      }
      double ratio = llm ? 1.5 : 2.0;
      int bisections = (int) Math.ceil(
          Math.log(Math.log(ratio) / Math.log(1 + spec.precision())) / Math.log(2));
      for (int i = 0; i < Math.max(0, bisections); i++) {
        steps.add(new ExpectedStep(StepKind.TRIAL, Double.NaN, "bisect", warmup,
            spec.trialDuration(), trialMax));
      }
      for (String bound : List.of("confirm the pass bound", "confirm the fail bound")) {
        steps.add(new ExpectedStep(StepKind.FINAL, Double.NaN, bound, warmup,
            spec.finalDuration(), spec.maxStepDuration()));
      }
    }
    Duration shortest = Duration.ZERO;
    Duration longest = Duration.ZERO;
    for (ExpectedStep s : steps) {
      shortest = shortest.plus(s.warmup()).plus(s.shortest()).plus(cooldown);
      longest = longest.plus(s.warmup()).plus(s.longest()).plus(cooldown);
    }
    if (longest.compareTo(spec.maxDuration()) > 0) {
      longest = spec.maxDuration();
    }
    if (shortest.compareTo(spec.maxDuration()) > 0) {
      shortest = spec.maxDuration();
    }
    double hours = longest.toMillis() / 3_600_000.0 * spec.instances();
    return new Estimate(steps, shortest, longest, hours, hours * spec.hourlyPrice());
  }
}
