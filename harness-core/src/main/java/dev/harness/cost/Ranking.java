package dev.harness.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Candidates ranked by monthly fleet cost for the declared traffic, with the rejected ones and
 * their evidence.
 *
 * <p>Order: the point-estimate monthly cost, then cost per 1,000 inferences, then name. Ties: the
 * cost ranges of the capacity brackets ({@link CostRange}) decide; walking the order, a candidate
 * whose range overlaps that of any member of the current group joins it, otherwise it starts the
 * next rank, so a chain of overlaps is one tie.
 *
 * @param traffic the traffic the fleets are sized for
 * @param ranked passing candidates in order
 * @param rejected rejected candidates in the order given, each with its {@link Rejection}
 */
public record Ranking(
    Traffic traffic, List<RankedCandidate> ranked, List<CandidateOutcome> rejected) {
  public Ranking {
    if (traffic == null) {
      throw new IllegalArgumentException("a ranking needs the traffic it was sized for");
    }
    ranked = List.copyOf(ranked);
    rejected = List.copyOf(rejected);
  }

  /**
   * Ranks {@code outcomes} for {@code traffic}.
   *
   * @throws IllegalArgumentException when two candidates share a name
   */
  public static Ranking of(List<CandidateOutcome> outcomes, Traffic traffic) {
    Set<String> names = new HashSet<>();
    List<RankedCandidate> passing = new ArrayList<>();
    List<CandidateOutcome> rejected = new ArrayList<>();
    for (CandidateOutcome c : outcomes) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("two candidates are named " + c.name());
      }
      if (c.passed()) {
        passing.add(RankedCandidate.unplaced(c, traffic));
      } else {
        rejected.add(c);
      }
    }
    passing.sort(Comparator.comparingDouble((RankedCandidate r) -> r.fleet().monthlyCost())
        .thenComparingDouble(RankedCandidate::costPer1kInferences)
        .thenComparing(RankedCandidate::name));
    return new Ranking(traffic, place(passing), rejected);
  }

  private static List<RankedCandidate> place(List<RankedCandidate> sorted) {
    List<List<RankedCandidate>> groups = new ArrayList<>();
    for (RankedCandidate c : sorted) {
      List<RankedCandidate> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (last != null
          && last.stream().anyMatch(m -> m.monthlyCost().overlaps(c.monthlyCost()))) {
        last.add(c);
      } else {
        List<RankedCandidate> group = new ArrayList<>();
        group.add(c);
        groups.add(group);
      }
    }
    List<RankedCandidate> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      for (RankedCandidate c : groups.get(g)) {
        List<String> others = new ArrayList<>();
        groups.get(g).stream().filter(m -> m != c).forEach(m -> others.add(m.name()));
        out.add(c.placed(out.size() + 1, g + 1, others));
      }
    }
    return out;
  }

  /** The sizing decision, or empty when no candidate passed. */
  public Optional<Decision> decision() {
    return ranked.isEmpty() ? Optional.empty() : Optional.of(Decision.of(this));
  }

  /**
   * Whether no candidate passed and every one was rejected because the model does not fit: the
   * next step is a smaller or quantised model, not a bigger benchmark.
   */
  public boolean nothingFits() {
    return ranked.isEmpty() && !rejected.isEmpty()
        && rejected.stream().allMatch(c -> c.rejection().reason() == RejectionReason.DOES_NOT_FIT);
  }
}
