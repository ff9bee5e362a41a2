package dev.harness.capacity;

import dev.harness.config.CapacitySpec;
import java.util.List;
import java.util.Optional;

/**
 * The user's fixed ladder of rates, each measured at full length, for complete capacity curves
 * (and for nightly runs that must replay a baseline's rates). The sustainable rate is read from
 * the same bracket as the search: only steady open-loop steps count, never a ramp.
 */
final class LadderSearch implements SearchStrategy {
  private final CapacitySpec spec;

  LadderSearch(CapacitySpec spec) {
    this.spec = spec;
  }

  @Override
  public Optional<StepPlan> next(List<StepReport> history) {
    if (endReason(history) != null) {
      return Optional.empty();
    }
    StepReport invalid = Invalids.repeatedOrLast(history);
    if (invalid != null) {
      return Optional.of(invalid.plan());
    }
    int done = 0;
    for (StepReport r : history) {
      if (r.verdict() != Verdict.INVALID) {
        done++;
      }
    }
    double rate = spec.ladder().get(done);
    return Optional.of(new StepPlan(StepKind.LADDER, rate, 0, spec.finalDuration(),
        spec.maxStepDuration(), "ladder rung " + (done + 1) + " of "
            + spec.ladder().size()));
  }

  @Override
  public String endReason(List<StepReport> history) {
    StepReport invalid = Invalids.repeatedOrLast(history);
    if (invalid != null && Invalids.count(history, invalid) >= 2) {
      return "generator-limited at " + Rates.label(invalid.rate()) + " req/s: "
          + invalid.reason();
    }
    if (invalid != null) {
      return null;
    }
    long done = history.stream().filter(r -> r.verdict() != Verdict.INVALID).count();
    return done >= spec.ladder().size() ? "every rung of the ladder measured" : null;
  }
}
