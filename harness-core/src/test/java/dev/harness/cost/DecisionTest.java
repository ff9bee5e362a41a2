package dev.harness.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {
  private static final org.assertj.core.data.Offset<Double> EPS = within(1e-6);

  private static CandidateOutcome llm(String name, double price, CapacityBracket b,
      Double medianTokens) {
    return CandidateOutcome.passed(name, name, 1, 1, price, b, 500.0, null, medianTokens);
  }

  @Test
  void theScenarioShipsTheSmallerInstanceTimesTwo() {
    // load with 30 % growth: steady 80/60 x 1.3 = 1.7333 rps, peak 250/60 x 1.3 = 5.4167 rps
    // g5.2xlarge, R = 140/60 = 2.3333: steady 0.743 -> 1 + 1 = 2, peak 2.321 -> 3 + 1 = 4
    //   monthly = 1.515 x (2 x 16 + 4 x 8) x 30.4 = 1.515 x 64 x 30.4 = 2947.584
    // g5.4xlarge, R = 220/60 = 3.6667: steady 0.473 -> 2, peak 1.477 -> 2 + 1 = 3
    //   monthly = 2.03 x (2 x 16 + 3 x 8) x 30.4 = 2.03 x 56 x 30.4 = 3455.872
    // g5.12xlarge x4, R = 540/60 = 9: steady 0.193 -> 2, peak 0.602 -> 2
    //   monthly = 7.09 x 2 x 24 x 30.4 = 10345.728
    Ranking r = Scenario.ranking();
    assertThat(r.ranked()).extracting(RankedCandidate::name)
        .containsExactly("g5.2xlarge", "g5.4xlarge", "g5.12xlarge x4");
    assertThat(r.ranked()).extracting(RankedCandidate::rank).containsExactly(1, 2, 3);
    assertThat(r.rejected()).extracting(c -> c.rejection().reason()).containsExactly(
        RejectionReason.DOES_NOT_FIT, RejectionReason.SLO_MISSED_AT_LOWEST_RATE,
        RejectionReason.DECLARED_INCOMPATIBLE);

    Decision d = r.decision().orElseThrow();
    assertThat(d.chosen().name()).isEqualTo("g5.2xlarge");
    assertThat(d.steadyInstances()).isEqualTo(2);
    assertThat(d.peakInstances()).isEqualTo(4);
    assertThat(d.monthlyCost()).isCloseTo(2947.584, EPS);
    // runner-up: 3455.872 - 2947.584 = 508.288, / 2947.584 = 17.244 %
    assertThat(d.runnerUp().candidate()).isEqualTo("g5.4xlarge");
    assertThat(d.runnerUp().deltaMonthly()).isCloseTo(508.288, EPS);
    assertThat(d.runnerUp().deltaPercent()).isCloseTo(508.288 / 2947.584 * 100, EPS);
    assertThat(d.runnerUp().tied()).isFalse();
    // biggest passing (highest $/h): 10345.728 - 2947.584 = 7398.144
    assertThat(d.biggest().candidate()).isEqualTo("g5.12xlarge x4");
    assertThat(d.biggest().deltaMonthly()).isCloseTo(7398.144, EPS);
  }

  @Test
  void autoscalingBoundsRestOnRedundancyBurstAndGrowth() {
    // min = steady fleet 2; max = peak at the bracket's low end 130/60 = 2.1667:
    // 5.4167 / 2.1667 = 2.5 -> 3 + 1 = 4
    AutoscalingBounds b = Scenario.ranking().decision().orElseThrow().autoscaling();
    assertThat(b.min()).isEqualTo(2);
    assertThat(b.max()).isEqualTo(4);
    assertThat(b.redundancy()).isEqualTo(1);
    assertThat(b.burstFactor()).isCloseTo(250.0 / 80, EPS);
    assertThat(b.growth()).isCloseTo(1.3, EPS);
    assertThat(b.minSizedAtRps()).isCloseTo(140.0 / 60, EPS);
    assertThat(b.maxSizedAtRps()).isCloseTo(130.0 / 60, EPS);
  }

  @Test
  void theAutoscalingMaximumCoversTheLowEndOfTheBracket() {
    // peak 10 rps, N+0: at the point (5) 2 instances, at the low end (4) 3 instances
    Traffic t = new Traffic(5, 10, 8, 1, 1, 0);
    Decision d = Ranking.of(List.of(llm("a", 1, new CapacityBracket(4, 5, 6), null)), t)
        .decision().orElseThrow();
    assertThat(d.peakInstances()).isEqualTo(2);
    assertThat(d.autoscaling().min()).isEqualTo(1);
    assertThat(d.autoscaling().max()).isEqualTo(3);
  }

  @Test
  void aCheaperPerInferenceCandidateIsExplained() {
    // g5.4xlarge: 2.03 / (3600 x 3.6667) x 1000 = 0.1538; g5.2xlarge: 1.515 / 8400 x 1000 = 0.1804
    List<Warning> w = Scenario.ranking().decision().orElseThrow().warnings();
    assertThat(w).extracting(Warning::kind).containsExactly(Warning.Kind.CHEAPER_PER_INFERENCE);
    assertThat(w.get(0).candidates()).containsExactly("g5.4xlarge", "g5.2xlarge");
    assertThat(w.get(0).text()).contains("15 % cheaper per 1,000 inferences", "$3,456", "$2,948");
  }

  @Test
  void aTieAtTheTopIsAWarning() {
    // flat 10 rps, N+0: a needs 2-4 instances at $1 (R in [2.5, 5]), b 3 at $1
    Traffic flat = new Traffic(10, 10, 0, 1, 1, 0);
    Decision d = Ranking.of(List.of(llm("a", 1, new CapacityBracket(2.5, 5, 5), null),
        llm("b", 1, CapacityBracket.exactly(3.34), null)), flat).decision().orElseThrow();
    assertThat(d.chosen().name()).isEqualTo("a");
    assertThat(d.runnerUp().tied()).isTrue();
    assertThat(d.warnings()).extracting(Warning::kind).contains(Warning.Kind.TIE_AT_TOP);
    Warning tie = d.warnings().stream().filter(w -> w.kind() == Warning.Kind.TIE_AT_TOP)
        .findFirst().orElseThrow();
    assertThat(tie.candidates()).containsExactly("a", "b");
    // a: $1 x 2..4 x 729.6 = $1459-$2918; b: 3 x 729.6 = $2189
    assertThat(tie.text()).contains("a $1,459-$2,918", "b $2,189-$2,189");
  }

  @Test
  void medianOutputLengthsMoreThanTenPercentApartAreAWarning() {
    Traffic flat = new Traffic(10, 10, 0, 1, 1, 0);
    // 500 and 550 tokens: 10 % apart exactly, no warning; 500 and 551: warning
    Decision even = Ranking.of(List.of(llm("a", 1, CapacityBracket.exactly(5), 500.0),
        llm("b", 2, CapacityBracket.exactly(5), 550.0)), flat).decision().orElseThrow();
    assertThat(even.warnings()).extracting(Warning::kind)
        .doesNotContain(Warning.Kind.OUTPUT_LENGTHS_DIFFER);
    Decision uneven = Ranking.of(List.of(llm("a", 1, CapacityBracket.exactly(5), 500.0),
        llm("b", 2, CapacityBracket.exactly(5), 551.0),
        llm("c", 3, CapacityBracket.exactly(5), null)), flat).decision().orElseThrow();
    Warning w = uneven.warnings().stream()
        .filter(x -> x.kind() == Warning.Kind.OUTPUT_LENGTHS_DIFFER).findFirst().orElseThrow();
    assertThat(w.candidates()).containsExactly("a", "b");
    assertThat(w.text()).contains("by 10 %", "a 500", "b 551", "not comparable");
  }

  @Test
  void aLoneCandidateHasNoComparisons() {
    Decision d = Ranking.of(List.of(llm("only", 1, CapacityBracket.exactly(5), 500.0)),
        Traffic.of(1, 2, 8)).decision().orElseThrow();
    assertThat(d.runnerUp()).isNull();
    assertThat(d.biggest()).isNull();
    assertThat(d.warnings()).isEmpty();
  }
}
