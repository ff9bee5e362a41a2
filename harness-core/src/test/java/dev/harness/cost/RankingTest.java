package dev.harness.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
  /** 10 rps all day, no redundancy: monthly cost = price x ceil(10 / R) x 729.6 h. */
  private static final Traffic FLAT = new Traffic(10, 10, 0, 1, 1, 0);
  private static final double MONTH_HOURS = 24 * 30.4;

  private static CandidateOutcome passing(String name, double price, CapacityBracket b) {
    return CandidateOutcome.passed(name, "t." + name, 1, 1, price, b, null, null, null);
  }

  private static List<String> names(Ranking r) {
    return r.ranked().stream().map(RankedCandidate::name).toList();
  }

  @Test
  void candidatesAreOrderedByMonthlyFleetCostWithRejectionsApart() {
    Ranking r = Ranking.of(List.of(
        passing("pricey", 3.5, CapacityBracket.exactly(10)), // 1 instance x $3.50
        CandidateOutcome.rejected("t.oom", 1, 1, 0.5,
            Rejection.doesNotFit("oom", "CUDA out of memory")),
        passing("cheap", 1, CapacityBracket.exactly(5)),     // 2 instances x $1
        passing("middle", 1, CapacityBracket.exactly(4))),   // 3 instances x $1
        FLAT);
    assertThat(names(r)).containsExactly("cheap", "middle", "pricey");
    assertThat(r.ranked()).extracting(RankedCandidate::position).containsExactly(1, 2, 3);
    assertThat(r.ranked()).extracting(RankedCandidate::rank).containsExactly(1, 2, 3);
    // $1 x 2 x 729.6 h
    assertThat(r.ranked().get(0).fleet().monthlyCost()).isCloseTo(2 * MONTH_HOURS, within(1e-9));
    assertThat(r.rejected()).extracting(CandidateOutcome::name).containsExactly("oom");
    assertThat(r.rejected().get(0).rejection().evidence()).isEqualTo("CUDA out of memory");
  }

  @Test
  void overlappingCostRangesAreATie() {
    // A: R in [2.5, 5]: 2 instances at the top of the bracket, 4 at the bottom -> $2-4 (x 729.6)
    // B: R exactly 3.34: 3 instances, $3 -> inside A's range
    Ranking r = Ranking.of(List.of(
        passing("a", 1, new CapacityBracket(2.5, 5, 5)),
        passing("b", 1, CapacityBracket.exactly(3.34))), FLAT);
    assertThat(r.ranked().get(0).monthlyCost().low()).isCloseTo(2 * MONTH_HOURS, within(1e-9));
    assertThat(r.ranked().get(0).monthlyCost().high()).isCloseTo(4 * MONTH_HOURS, within(1e-9));
    assertThat(names(r)).containsExactly("a", "b");
    assertThat(r.ranked()).extracting(RankedCandidate::rank).containsExactly(1, 1);
    assertThat(r.ranked().get(0).tiedWith()).containsExactly("b");
    assertThat(r.ranked().get(1).tiedWith()).containsExactly("a");
  }

  @Test
  void separateCostRangesAreNoTie() {
    // A: [2.5, 5] -> $2-4; B: exactly 2 -> 5 instances, $5: above A's range
    Ranking r = Ranking.of(List.of(
        passing("b", 1, CapacityBracket.exactly(2)),
        passing("a", 1, new CapacityBracket(2.5, 5, 5))), FLAT);
    assertThat(names(r)).containsExactly("a", "b");
    assertThat(r.ranked()).extracting(RankedCandidate::rank).containsExactly(1, 2);
    assertThat(r.ranked()).allMatch(c -> !c.tied());
  }

  @Test
  void aChainOfOverlapsIsOneTie() {
    // a $2-4, b $3-5 (R in [2, 3.34]), c $5: a and c do not overlap but b joins them; d $7
    Ranking r = Ranking.of(List.of(
        passing("a", 1, new CapacityBracket(2.5, 5, 5)),
        passing("b", 1, new CapacityBracket(2, 3.34, 3.34)),
        passing("c", 1, CapacityBracket.exactly(2)),
        passing("d", 1, CapacityBracket.exactly(1.6))), FLAT);
    assertThat(r.ranked().get(0).monthlyCost().overlaps(r.ranked().get(2).monthlyCost())).isFalse();
    assertThat(names(r)).containsExactly("a", "b", "c", "d");
    assertThat(r.ranked()).extracting(RankedCandidate::rank).containsExactly(1, 1, 1, 2);
    assertThat(r.ranked().get(2).tiedWith()).containsExactly("a", "b");
  }

  @Test
  void equalFleetCostsAreOrderedByCostPerInference() {
    // both need 2 instances at $1; "fast" serves 9 rps each, "slow" 6: fast is cheaper per 1,000
    Ranking r = Ranking.of(List.of(
        passing("slow", 1, CapacityBracket.exactly(6)),
        passing("fast", 1, CapacityBracket.exactly(9))), FLAT);
    assertThat(names(r)).containsExactly("fast", "slow");
    assertThat(r.ranked().get(0).costPer1kInferences())
        .isLessThan(r.ranked().get(1).costPer1kInferences());
  }

  @Test
  void capacityIsReportedPerInstanceCopyAndGpu() {
    // 4 copies of 1 GPU serving 9 rps: 2.25 per copy and per GPU; 2 copies of 2 GPUs: 2.25, 1.125
    Ranking r = Ranking.of(List.of(
        CandidateOutcome.passed("x4", "g5.12xlarge", 4, 1, 7.09, CapacityBracket.exactly(9),
            780.0, 1800.0, 500.0),
        CandidateOutcome.passed("tp2", "g5.12xlarge", 2, 2, 7.09, CapacityBracket.exactly(4.5),
            700.0, null, null),
        CandidateOutcome.passed("cpu", "c6i.xlarge", 4, 0, 0.2, CapacityBracket.exactly(50),
            20.0, null, null)), FLAT);
    RankedCandidate x4 = r.ranked().stream().filter(c -> c.name().equals("x4")).findFirst()
        .orElseThrow();
    assertThat(x4.rpsPerInstance()).isEqualTo(9);
    assertThat(x4.rpsPerCopy()).isCloseTo(2.25, within(1e-12));
    assertThat(x4.rpsPerGpu()).isCloseTo(2.25, within(1e-12));
    // $7.09 / (3600 x 1800 tokens/s) x 1e6 = $1.0941 per 1M tokens
    assertThat(x4.costPer1MOutputTokens()).isCloseTo(7.09 / 6.48, within(1e-12));
    RankedCandidate tp2 = r.ranked().stream().filter(c -> c.name().equals("tp2")).findFirst()
        .orElseThrow();
    assertThat(tp2.rpsPerGpu()).isCloseTo(1.125, within(1e-12));
    assertThat(tp2.costPer1MOutputTokens()).isNull();
    assertThat(r.ranked().get(0).name()).isEqualTo("cpu");
    assertThat(r.ranked().get(0).rpsPerGpu()).isNull();
  }

  @Test
  void whenEveryCandidateFailsToFitThereIsNoDecision() {
    Ranking oom = Ranking.of(List.of(
        CandidateOutcome.rejected("g5.xlarge", 1, 1, 1.4, Rejection.doesNotFit("a", "OOM")),
        CandidateOutcome.rejected("g4dn.xlarge", 1, 1, 0.7, Rejection.doesNotFit("b", "OOM"))),
        FLAT);
    assertThat(oom.decision()).isEmpty();
    assertThat(oom.nothingFits()).isTrue();
    Ranking slow = Ranking.of(List.of(
        CandidateOutcome.rejected("g5.xlarge", 1, 1, 1.4, Rejection.doesNotFit("a", "OOM")),
        CandidateOutcome.rejected("g4dn.xlarge", 1, 1, 0.7,
            Rejection.sloMissed("b", "p99 e2e <= 2000 ms", 3200, 2000, 400, 0.5))), FLAT);
    assertThat(slow.decision()).isEmpty();
    assertThat(slow.nothingFits()).isFalse();
  }

  @Test
  void candidateNamesMustBeUnique() {
    assertThatThrownBy(() -> Ranking.of(List.of(
        passing("a", 1, CapacityBracket.exactly(2)), passing("a", 2, CapacityBracket.exactly(2))),
        FLAT)).hasMessageContaining("two candidates are named a");
  }

  @Test
  void aCandidateHasEitherACapacityOrARejection() {
    assertThatThrownBy(() -> new CandidateOutcome("a", "g5.xlarge", 1, 1, 1, null, null, null,
        null, null)).hasMessageContaining("exactly one of a capacity and a rejection");
    assertThatThrownBy(() -> CandidateOutcome.passed("a", "g5.xlarge", 1, 1, 0,
        CapacityBracket.exactly(1), null, null, null)).hasMessageContaining("price > 0");
    assertThatThrownBy(() -> new CapacityBracket(2, 1, 3))
        .hasMessageContaining("low <= point <= high");
  }
}
