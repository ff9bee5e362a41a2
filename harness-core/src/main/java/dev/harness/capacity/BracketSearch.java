package dev.harness.capacity;

import dev.harness.config.CapacitySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The noise-robust search for the highest sustainable rate, in the manner of the IETF
 * benchmarking group's MLRsearch (draft-ietf-bmwg-mlrsearch): short trials bracket the answer,
 * then the bounds are re-measured at full length, and a contradicting full-length result moves the
 * bracket again.
 *
 * <ol>
 *   <li>Upper bound. LLM targets: one closed-loop saturation step measures the throughput X at a
 *       fixed concurrency (a single-request probe would miss the batch size); open-loop trials
 *       then start at 0.3 × X and grow by at most 1.5× per step. Other targets: trials start at
 *       the start rate and double until one fails.
 *   <li>No pass yet: trials step down (÷ 1.5, ÷ 2 for non-LLM) to the minimum rate.
 *   <li>Bisection (geometric middle) of the widest gap between the highest pass, any
 *       inconclusive rates, and the lowest fail, until the bracket is within the precision or
 *       every gap is.
 *   <li>Confirmation: the highest pass and the lowest fail are re-measured at full length if they
 *       were short trials. A contradiction moves the bracket and the search goes on.
 *   <li>Refinement: when rates that stayed inconclusive at full length split a confirmed bracket
 *       into gaps each within the precision while the bracket is not, the gaps beside them are
 *       bisected further (to a quarter of the precision) and confirmed, so a conclusive bound
 *       closer to the unresolved band narrows the bracket.
 * </ol>
 */
final class BracketSearch implements SearchStrategy {
  private static final double LLM_GROWTH = 1.5;
  private static final double GROWTH = 2.0;
  private static final double LLM_START_SHARE = 0.3;
  /**
   * How finely gaps beside unresolved rates are bisected: down to the precision / 2^this. Below
   * that the unresolved band is as wide as the bracket could be and the search ends at its
   * resolution limit.
   */
  private static final int FINER_HALVINGS = 2;

  private final CapacitySpec spec;
  private final boolean llm;
  private final double startRate;

  BracketSearch(CapacitySpec spec, boolean llm, double startRate) {
    this.spec = spec;
    this.llm = llm;
    this.startRate = Math.max(spec.minRate(), Math.min(spec.maxRate(), startRate));
  }

  @Override
  public Optional<StepPlan> next(List<StepReport> history) {
    Decision d = decide(history);
    return Optional.ofNullable(d.step);
  }

  @Override
  public String endReason(List<StepReport> history) {
    return decide(history).end;
  }

  private static final class Decision {
    final StepPlan step;
    final String end;

    private Decision(StepPlan step, String end) {
      this.step = step;
      this.end = end;
    }

    static Decision step(StepPlan p) {
      return new Decision(p, null);
    }

    static Decision end(String reason) {
      return new Decision(null, reason);
    }
  }

  private Decision decide(List<StepReport> history) {
    StepReport invalid = Invalids.repeatedOrLast(history);
    if (invalid != null) {
      if (Invalids.count(history, invalid) >= 2) {
        return Decision.end(String.format(Locale.ROOT,
            "generator-limited at %s req/s: %s", Rates.label(invalid.rate()), invalid.reason()));
      }
      return Decision.step(invalid.plan()); // once more: one disturbed step is not a verdict
    }
    double saturation = Double.NaN;
    if (llm) {
      StepReport sat = null;
      for (StepReport r : history) {
        if (r.plan().kind() == StepKind.SATURATION) {
          sat = r;
        }
      }
      if (sat == null) {
        return Decision.step(new StepPlan(StepKind.SATURATION, Double.NaN,
            spec.saturationConcurrency(), spec.trialDuration(), spec.trialDuration(),
            "saturation throughput at " + spec.saturationConcurrency() + " requests in flight"));
      }
      saturation = sat.achievedRps();
      if (!(saturation > 0)) {
        return Decision.end("no request succeeded in the saturation step: " + sat.reason());
      }
    }
    List<StepReport> eff = Bracket.effective(history);
    if (eff.isEmpty()) {
      double first = llm ? clamp(LLM_START_SHARE * saturation) : startRate;
      return Decision.step(trial(first, llm
          ? String.format(Locale.ROOT, "start at 0.3 × saturation throughput %s req/s",
              Rates.label(saturation))
          : "start"));
    }
    Bracket b = Bracket.of(history, spec.precision());
    double growth = llm ? LLM_GROWTH : GROWTH;
    if (Double.isNaN(b.lowestFail())) {
      double top = eff.get(eff.size() - 1).plan().rate();
      if (top >= spec.maxRate()) {
        return Decision.end(
            "max-rate " + Rates.label(spec.maxRate()) + " req/s reached without a fail");
      }
      double next = top * growth;
      if (llm && top < saturation && next > saturation) {
        next = saturation; // touch the measured bound before going past it
      }
      return Decision.step(trial(clamp(next), "grow ×" + growth + " from " + Rates.label(top)));
    }
    if (Double.isNaN(b.highestPass())) {
      double bottom = eff.get(0).plan().rate();
      if (bottom <= spec.minRate()) {
        if (!Bracket.fullLength(b.failStep())) {
          return Decision.step(confirm(bottom, "confirm that even the lowest rate fails"));
        }
        return Decision.end("the SLO is missed even at the lowest rate "
            + Rates.label(bottom) + " req/s: " + b.failStep().reason());
      }
      return Decision.step(
          trial(clamp(bottom / growth), "step down from " + Rates.label(bottom)));
    }
    if (!b.precisionReached()) {
      double mid = widestGapMiddle(eff, b, spec.precision());
      if (!Double.isNaN(mid)) {
        return Decision.step(trial(mid, "bisect between " + Rates.label(b.highestPass())
            + " and " + Rates.label(b.lowestFail())));
      }
    }
    if (!Bracket.fullLength(b.passStep())) {
      return Decision.step(confirm(b.highestPass(), "confirm the pass bound at full length"));
    }
    if (!Bracket.fullLength(b.failStep())) {
      return Decision.step(confirm(b.lowestFail(), "confirm the fail bound at full length"));
    }
    if (b.precisionReached()) {
      return Decision.end("bracket within the requested precision of "
          + percent(spec.precision()));
    }
    // Both bounds are confirmed and every gap is within the precision, yet the bracket is not:
    // unresolved rates (inconclusive at full length) lie between the bounds. Bisect the gaps
    // beside them more finely, so that a conclusive pass or fail closer to the unresolved band
    // narrows the bracket. Each such trial is confirmed before the next refinement.
    for (int halvings = 1; halvings <= FINER_HALVINGS; halvings++) {
      double mid = widestGapMiddle(eff, b, spec.precision() / (1 << halvings));
      if (!Double.isNaN(mid)) {
        return Decision.step(trial(mid, "bisect beside the unresolved rates between "
            + Rates.label(b.highestPass()) + " and " + Rates.label(b.lowestFail())));
      }
    }
    return Decision.end(String.format(Locale.ROOT,
        "resolution limit: between %s and %s req/s every rate tried stayed inconclusive at the "
            + "longest step (%s); a longer max-step-duration or a lower confidence narrows it",
        Rates.label(b.highestPass()), Rates.label(b.lowestFail()), spec.maxStepDuration()));
  }

  /**
   * The geometric middle of the widest gap (relative) between consecutive tested rates from the
   * highest pass to the lowest fail, if that gap is wider than {@code minGap}; NaN otherwise.
   */
  private static double widestGapMiddle(List<StepReport> eff, Bracket b, double minGap) {
    List<Double> points = new ArrayList<>();
    for (StepReport r : eff) {
      double x = r.plan().rate();
      if (x >= b.highestPass() && x <= b.lowestFail()) {
        points.add(x);
      }
    }
    double best = Double.NaN;
    double widest = minGap;
    for (int i = 1; i < points.size(); i++) {
      double lo = points.get(i - 1);
      double hi = points.get(i);
      double w = hi / lo - 1;
      if (w > widest + 1e-12) {
        widest = w;
        best = Math.sqrt(lo * hi);
      }
    }
    return best;
  }

  private StepPlan trial(double rate, String purpose) {
    Duration min = spec.trialDuration();
    Duration max = min.multipliedBy(2);
    if (max.compareTo(spec.maxStepDuration()) > 0) {
      max = spec.maxStepDuration().compareTo(min) > 0 ? spec.maxStepDuration() : min;
    }
    return new StepPlan(StepKind.TRIAL, rate, 0, min, max, purpose);
  }

  private StepPlan confirm(double rate, String purpose) {
    return new StepPlan(StepKind.FINAL, rate, 0, spec.finalDuration(), spec.maxStepDuration(),
        purpose);
  }

  private double clamp(double r) {
    return Math.max(spec.minRate(), Math.min(spec.maxRate(), round(r)));
  }

  /** Rates with 4 significant digits, so steps read well and repeat exactly. */
  static double round(double r) {
    if (!(r > 0) || Double.isInfinite(r)) {
      return r;
    }
    return new java.math.BigDecimal(r).round(new java.math.MathContext(4)).doubleValue();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.3g%%", share * 100);
  }
}
