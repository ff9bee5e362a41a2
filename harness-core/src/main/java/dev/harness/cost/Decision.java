package dev.harness.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sizing decision: the cheapest fleet for the declared traffic, its autoscaling bounds, and
 * how it compares with the runner-up and with the biggest passing candidate.
 *
 * <p>Warnings: a tie at the top (the cost ranges of the first rank overlap); median output lengths
 * of the passing candidates that differ by more than {@value #OUTPUT_LENGTH_SPREAD_PERCENT} %
 * ((max − min) ÷ min), since a request then buys different work on each; a candidate that is
 * cheaper per 1,000 inferences than the chosen one (whole instances for the declared traffic
 * reverse the order).
 *
 * @param chosen the first candidate of the ranking
 * @param steadyInstances instances outside the peak
 * @param peakInstances instances during the peak
 * @param autoscaling the bounds and their basis
 * @param monthlyCost the chosen fleet's monthly cost (point estimate), $
 * @param runnerUp the second candidate compared with the chosen, or null when there is none
 * @param biggest the passing candidate with the highest price per instance compared with the
 *     chosen, or null when that is the chosen one
 * @param warnings what the reader must know, possibly empty
 */
public record Decision(
    RankedCandidate chosen,
    int steadyInstances,
    int peakInstances,
    AutoscalingBounds autoscaling,
    double monthlyCost,
    Comparison runnerUp,
    Comparison biggest,
    List<Warning> warnings) {
  /** Spread of median output lengths above which costs per request are not comparable, %. */
  public static final int OUTPUT_LENGTH_SPREAD_PERCENT = 10;

  public Decision {
    if (chosen == null || autoscaling == null) {
      throw new IllegalArgumentException("a decision needs a chosen candidate and its bounds");
    }
    warnings = List.copyOf(warnings);
  }

  /** The decision of a ranking with at least one passing candidate. */
  static Decision of(Ranking ranking) {
    List<RankedCandidate> ranked = ranking.ranked();
    RankedCandidate chosen = ranked.get(0);
    Comparison runnerUp = ranked.size() > 1 ? Comparison.of(chosen, ranked.get(1)) : null;
    RankedCandidate big = ranked.stream()
        .max(Comparator.comparingDouble((RankedCandidate r) -> r.candidate().pricePerHour())
            .thenComparingInt(r -> r.candidate().gpusUsed()))
        .orElseThrow();
    List<Warning> warnings = new ArrayList<>();
    tieAtTop(chosen, ranked).ifPresent(warnings::add);
    outputLengths(ranked).ifPresent(warnings::add);
    cheaperPerInference(chosen, ranked).ifPresent(warnings::add);
    return new Decision(
        chosen,
        chosen.fleet().steadyInstances(),
        chosen.fleet().peakInstances(),
        AutoscalingBounds.of(chosen, ranking.traffic()),
        chosen.fleet().monthlyCost(),
        runnerUp,
        big == chosen ? null : Comparison.of(chosen, big),
        warnings);
  }

  private static Optional<Warning> tieAtTop(
      RankedCandidate chosen, List<RankedCandidate> ranked) {
    if (!chosen.tied()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    StringBuilder ranges = new StringBuilder();
    for (RankedCandidate r : ranked) {
      if (r.rank() == chosen.rank()) {
        names.add(r.name());
        ranges.append(ranges.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
            "%s $%,.0f-$%,.0f", r.name(), r.monthlyCost().low(), r.monthlyCost().high()));
      }
    }
    return Optional.of(new Warning(Warning.Kind.TIE_AT_TOP, "tie at the top: the "
        + "monthly cost ranges overlap (" + ranges + "), so this measurement cannot tell them "
        + "apart; " + chosen.name() + " is first on its point estimate", names));
  }

  private static Optional<Warning> outputLengths(List<RankedCandidate> ranked) {
    List<RankedCandidate> known = ranked.stream()
        .filter(r -> r.candidate().medianOutputTokens() != null).toList();
    if (known.size() < 2) {
      return Optional.empty();
    }
    double min = known.stream().mapToDouble(r -> r.candidate().medianOutputTokens()).min()
        .orElseThrow();
    double max = known.stream().mapToDouble(r -> r.candidate().medianOutputTokens()).max()
        .orElseThrow();
    boolean differ = (max - min) * 100 > OUTPUT_LENGTH_SPREAD_PERCENT * min;
    if (!differ) {
      return Optional.empty();
    }
    StringBuilder each = new StringBuilder();
    for (RankedCandidate r : known) {
      each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f",
          r.name(), r.candidate().medianOutputTokens()));
    }
    String spread = min == 0 ? "from 0"
        : String.format(Locale.ROOT, "by %.0f %%", (max - min) / min * 100);
    return Optional.of(new Warning(Warning.Kind.OUTPUT_LENGTHS_DIFFER,
        "median output lengths differ " + spread + " (" + each + " tokens): costs per request "
            + "are not comparable; compare cost per 1M output tokens",
        known.stream().map(RankedCandidate::name).toList()));
  }

  private static Optional<Warning> cheaperPerInference(
      RankedCandidate chosen, List<RankedCandidate> ranked) {
    return ranked.stream()
        .filter(r -> r.costPer1kInferences() < chosen.costPer1kInferences())
        .min(Comparator.comparingDouble(RankedCandidate::costPer1kInferences))
        .map(r -> new Warning(Warning.Kind.CHEAPER_PER_INFERENCE, String.format(Locale.ROOT,
            "%s is %.0f %% cheaper per 1,000 inferences ($%.4f vs $%.4f) but costs $%,.0f a month "
                + "against $%,.0f for the declared traffic (%d-%d instances against %d-%d): "
                + "instances come whole, so part of its capacity goes unused",
            r.name(),
            (1 - r.costPer1kInferences() / chosen.costPer1kInferences()) * 100,
            r.costPer1kInferences(), chosen.costPer1kInferences(),
            r.fleet().monthlyCost(), chosen.fleet().monthlyCost(),
            r.fleet().steadyInstances(), r.fleet().peakInstances(),
            chosen.fleet().steadyInstances(), chosen.fleet().peakInstances()),
            List.of(r.name(), chosen.name())));
  }
}
