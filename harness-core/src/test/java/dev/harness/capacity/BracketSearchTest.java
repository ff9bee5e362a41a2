package dev.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.config.CapacitySpec;
import dev.harness.time.ManualNanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BracketSearchTest {

  /** A fake endpoint: a step at rate r passes iff r <= capacity, unless told otherwise. */
  private static final class FakeRunner implements StepRunner {
    final ManualNanoClock clock;
    final BiFunction<StepPlan, Integer, Verdict> verdict;
    final double saturation;
    final List<StepPlan> plans = new ArrayList<>();

    FakeRunner(ManualNanoClock clock, double saturation,
        BiFunction<StepPlan, Integer, Verdict> verdict) {
      this.clock = clock;
      this.saturation = saturation;
      this.verdict = verdict;
    }

    @Override
    public StepReport run(StepPlan plan, int index, List<StepReport> history) {
      plans.add(plan);
      clock.advanceNanos(plan.minDuration().toNanos());
      if (!plan.openLoop()) {
        return new StepReport(plan, Verdict.FAIL, "saturated", false, 5, 1000, saturation,
            0, plan.minDuration().toSeconds(), index);
      }
      Verdict v = verdict.apply(plan, index);
      boolean pass = v == Verdict.PASS;
      return new StepReport(plan, v, pass ? "all met" : "p99 over", pass, pass ? 0.5 : 2, 1000,
          plan.rate(), plan.rate(), plan.minDuration().toSeconds(), index);
    }
  }

  private static SearchOutcome search(CapacitySpec spec, boolean llm, double start,
      FakeRunner runner) throws InterruptedException {
    return new CapacitySearch(SearchStrategy.of(spec, llm, start), runner, spec, runner.clock,
        SearchListener.NONE).run();
  }

  private static BiFunction<StepPlan, Integer, Verdict> capacity(double c) {
    return (p, i) -> p.rate() <= c ? Verdict.PASS : Verdict.FAIL;
  }

  @Test
  void classicSearchDoublesThenBisectsToThePrecisionAndConfirmsBothBounds() throws Exception {
    CapacitySpec spec = CapacitySpec.defaults(false);
    FakeRunner runner = new FakeRunner(new ManualNanoClock(0, 0), 0, capacity(123));

    SearchOutcome out = search(spec, false, 10, runner);

    Bracket b = out.bracket();
    assertThat(out.status()).isEqualTo(SearchOutcome.Status.FOUND);
    assertThat(b.highestPass()).isLessThanOrEqualTo(123);
    assertThat(b.lowestFail()).isGreaterThan(123);
    assertThat(b.relativeWidth()).isLessThanOrEqualTo(spec.precision() + 1e-9);
    assertThat(b.passConfirmed()).isTrue();
    assertThat(b.failConfirmed()).isTrue();
    assertThat(runner.plans.get(0).rate()).isEqualTo(10);
    assertThat(runner.plans.get(1).rate()).isEqualTo(20);
    assertThat(runner.plans).filteredOn(p -> p.kind() == StepKind.FINAL).hasSize(2);
    assertThat(out.endReason()).contains("precision");
    assertThat(runner.plans.size()).isLessThanOrEqualTo(14);
  }

  @Test
  void llmSearchStartsWithOneSaturationStepAndGrowsAtMostOneAndAHalfTimes() throws Exception {
    CapacitySpec spec = CapacitySpec.defaults(true);
    FakeRunner runner = new FakeRunner(new ManualNanoClock(0, 0), 10, capacity(7.3));

    SearchOutcome out = search(spec, true, Double.NaN, runner);

    assertThat(runner.plans.get(0).kind()).isEqualTo(StepKind.SATURATION);
    assertThat(runner.plans.get(1).rate()).isEqualTo(3.0); // 0.3 × saturation
    List<Double> growth = new ArrayList<>();
    for (StepPlan p : runner.plans.subList(1, runner.plans.size())) {
      growth.add(p.rate());
    }
    for (int i = 1; i < growth.size(); i++) {
      if (growth.get(i) > growth.get(i - 1)) {
        assertThat(growth.get(i) / growth.get(i - 1)).isLessThanOrEqualTo(1.5 + 1e-9);
      }
    }
    assertThat(out.bracket().highestPass()).isLessThanOrEqualTo(7.3);
    assertThat(out.bracket().lowestFail()).isGreaterThan(7.3);
    assertThat(out.bracket().relativeWidth()).isLessThanOrEqualTo(0.10 + 1e-9);
  }

  @Test
  void aSpuriousFailBelowCapacityIsOverturnedWhenConfirmedAndTheSearchRecovers()
      throws Exception {
    CapacitySpec spec = CapacitySpec.defaults(false);
    // the first trial at 40 req/s fails although the endpoint sustains 123
    BiFunction<StepPlan, Integer, Verdict> flaky = (p, i) ->
        p.rate() == 40 && p.kind() == StepKind.TRIAL ? Verdict.FAIL
            : p.rate() <= 123 ? Verdict.PASS : Verdict.FAIL;
    FakeRunner runner = new FakeRunner(new ManualNanoClock(0, 0), 0, flaky);

    SearchOutcome out = search(spec, false, 10, runner);

    assertThat(runner.plans).anyMatch(p -> p.rate() == 40 && p.kind() == StepKind.FINAL);
    assertThat(out.bracket().highestPass()).isLessThanOrEqualTo(123).isGreaterThan(100);
    assertThat(out.bracket().lowestFail()).isGreaterThan(123);
    assertThat(out.bracket().relativeWidth()).isLessThanOrEqualTo(spec.precision() + 1e-9);
  }

  @Test
  void whenEvenTheLowestRateFailsTheSearchSaysSoAfterConfirmingIt() throws Exception {
    CapacitySpec spec = CapacitySpec.defaults(false);
    FakeRunner runner = new FakeRunner(new ManualNanoClock(0, 0), 0, capacity(0.01));

    SearchOutcome out = search(spec, false, 1, runner);

    assertThat(out.status()).isEqualTo(SearchOutcome.Status.NONE_PASSED);
    assertThat(out.endReason()).contains("even at the lowest rate");
    StepPlan last = runner.plans.get(runner.plans.size() - 1);
    assertThat(last.rate()).isEqualTo(spec.minRate());
    assertThat(last.kind()).isEqualTo(StepKind.FINAL);
  }

  @Test
  void oneInvalidStepIsRepeatedAndTwoEndTheSearchAsGeneratorLimited() throws Exception {
    CapacitySpec spec = CapacitySpec.defaults(false);
    FakeRunner once = new FakeRunner(new ManualNanoClock(0, 0), 0,
        (p, i) -> i == 2 ? Verdict.INVALID : p.rate() <= 123 ? Verdict.PASS : Verdict.FAIL);
    assertThat(search(spec, false, 10, once).status()).isEqualTo(SearchOutcome.Status.FOUND);
    assertThat(once.plans.get(3)).isEqualTo(once.plans.get(2));

    FakeRunner always = new FakeRunner(new ManualNanoClock(0, 0), 0,
        (p, i) -> p.rate() >= 40 ? Verdict.INVALID : Verdict.PASS);
    SearchOutcome out = search(spec, false, 10, always);
    assertThat(out.status()).isEqualTo(SearchOutcome.Status.GENERATOR_LIMITED);
    assertThat(out.endReason()).startsWith("generator-limited at 40 req/s");
  }

  @Test
  void inconclusiveTrialsLeanByTheirPointEstimateButNeverCountAsConfirmed() {
    StepPlan low = new StepPlan(StepKind.FINAL, 40, 0, Duration.ofSeconds(30),
        Duration.ofSeconds(90), "f");
    StepPlan trial = new StepPlan(StepKind.TRIAL, 50, 0, Duration.ofSeconds(10),
        Duration.ofSeconds(20), "t");
    StepPlan high = new StepPlan(StepKind.FINAL, 80, 0, Duration.ofSeconds(30),
        Duration.ofSeconds(90), "f");
    List<StepReport> h = List.of(
        new StepReport(low, Verdict.PASS, "ok", true, 0.3, 1200, 40, 40, 30, 0),
        new StepReport(trial, Verdict.INCONCLUSIVE, "close", true, 0.9, 500, 50, 50, 20, 1),
        new StepReport(high, Verdict.FAIL, "over", false, 3, 800, 70, 60, 30, 2));

    Bracket b = Bracket.of(h, 0.05);

    assertThat(b.highestPass()).isEqualTo(50);
    assertThat(b.passConfirmed()).isFalse();
    assertThat(b.lowestFail()).isEqualTo(80);
    assertThat(b.failConfirmed()).isTrue();
    assertThat(b.pointEstimate()).isBetween(50.0, 80.0);
  }

  @Test
  void aFullLengthInconclusiveStepIsNoBoundSoTheBracketStaysOutsideIt() {
    StepPlan trial = new StepPlan(StepKind.TRIAL, 40, 0, Duration.ofSeconds(10),
        Duration.ofSeconds(20), "t");
    StepPlan fin = new StepPlan(StepKind.FINAL, 50, 0, Duration.ofSeconds(30),
        Duration.ofSeconds(90), "f");
    StepPlan high = new StepPlan(StepKind.FINAL, 80, 0, Duration.ofSeconds(30),
        Duration.ofSeconds(90), "f");
    List<StepReport> h = List.of(
        new StepReport(trial, Verdict.PASS, "ok", true, 0.3, 500, 40, 40, 10, 0),
        new StepReport(high, Verdict.FAIL, "over", false, 3, 800, 70, 60, 30, 1),
        new StepReport(fin, Verdict.INCONCLUSIVE, "close", true, 0.9, 1500, 50, 50, 90, 2));

    Bracket b = Bracket.of(h, 0.05);

    assertThat(b.highestPass()).isEqualTo(40); // 50 leans to pass but could not be resolved
    assertThat(b.passConfirmed()).isFalse();
    assertThat(b.lowestFail()).isEqualTo(80);
  }

  @Test
  void aBoundThatStaysInconclusiveAtFullLengthIsReplacedByAConfirmedOneFurtherOut()
      throws Exception {
    CapacitySpec spec = CapacitySpec.defaults(false);
    // below 100 passes, above 110 fails; in between the statistics cannot tell at any length
    FakeRunner runner = new FakeRunner(new ManualNanoClock(0, 0), 0, (p, i) -> p.rate() < 100
        ? Verdict.PASS : p.rate() > 110 ? Verdict.FAIL
        : p.kind() == StepKind.FINAL ? Verdict.INCONCLUSIVE : Verdict.PASS);

    SearchOutcome out = search(spec, false, 10, runner);

    Bracket b = out.bracket();
    assertThat(b.passConfirmed()).isTrue();
    assertThat(b.failConfirmed()).isTrue();
    assertThat(b.highestPass()).isLessThan(100);
    assertThat(b.lowestFail()).isGreaterThan(110);
    assertThat(runner.plans).anyMatch(p -> p.kind() == StepKind.FINAL
        && p.rate() >= 100 && p.rate() <= 110);
  }

  @ParameterizedTest(name = "start at {0} req/s")
  @ValueSource(doubles = {7, 10, 13, 17, 23, 31})
  void anUnresolvedRateBetweenTheBoundsIsBisectedAroundUntilTheBracketIsWithinThePrecision(
      double start) throws Exception {
    CapacitySpec spec = CapacitySpec.defaults(false);
    // below 100 passes, above 103 fails; in between a full-length step stays inconclusive (the
    // band the statistics cannot resolve is narrower than the precision, so a bracket within the
    // precision exists around it)
    FakeRunner runner = new FakeRunner(new ManualNanoClock(0, 0), 0, (p, i) -> p.rate() < 100
        ? Verdict.PASS : p.rate() > 103 ? Verdict.FAIL
        : p.kind() == StepKind.FINAL ? Verdict.INCONCLUSIVE : Verdict.PASS);

    SearchOutcome out = search(spec, false, start, runner);

    Bracket b = out.bracket();
    assertThat(out.status()).isEqualTo(SearchOutcome.Status.FOUND);
    assertThat(b.passConfirmed()).isTrue();
    assertThat(b.failConfirmed()).isTrue();
    assertThat(b.highestPass()).isLessThan(100);
    assertThat(b.lowestFail()).isGreaterThan(103);
    assertThat(b.relativeWidth()).as(out.endReason()).isLessThanOrEqualTo(spec.precision() + 1e-9);
    assertThat(out.endReason()).contains("precision");
    assertThat(runner.plans).hasSizeLessThanOrEqualTo(24); // bounded: no bisection without end
  }

  @Test
  void theSearchStopsAtItsMaximumDurationOnTheInjectedClock() throws Exception {
    CapacitySpec d = CapacitySpec.defaults(false);
    CapacitySpec spec = new CapacitySpec(d.ladder(), d.precision(), d.confidence(), d.startRate(),
        d.minRate(), d.maxRate(), d.saturationConcurrency(), d.trialDuration(),
        d.finalDuration(), d.maxStepDuration(), d.warmup(), d.cooldownTimeout(),
        Duration.ofSeconds(35), 0, d.errorStormRate(), d.errorStormFor(), 1, Double.NaN);
    FakeRunner runner = new FakeRunner(new ManualNanoClock(0, 0), 0, capacity(1000));

    SearchOutcome out = search(spec, false, 1, runner);

    assertThat(runner.plans).hasSize(4); // 4 × 10 s trials; the 4th starts at 30 s
    assertThat(out.endReason()).startsWith("max-duration");
    assertThat(out.status()).isEqualTo(SearchOutcome.Status.FOUND);
  }

  @Test
  void aLadderMeasuresEachRungAtFullLengthInOrder() {
    CapacitySpec d = CapacitySpec.defaults(false);
    CapacitySpec spec = new CapacitySpec(List.of(5.0, 10.0, 20.0), d.precision(),
        d.confidence(), d.startRate(), d.minRate(), d.maxRate(), d.saturationConcurrency(),
        d.trialDuration(), d.finalDuration(), d.maxStepDuration(), d.warmup(),
        d.cooldownTimeout(), d.maxDuration(), 0, d.errorStormRate(), d.errorStormFor(), 1,
        Double.NaN);
    SearchStrategy s = SearchStrategy.of(spec, false, 1);
    List<StepReport> h = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (Optional<StepPlan> p = s.next(h); p.isPresent(); p = s.next(h)) {
      assertThat(p.get().kind()).isEqualTo(StepKind.LADDER);
      rates.add(p.get().rate());
      h.add(new StepReport(p.get(), p.get().rate() <= 10 ? Verdict.PASS : Verdict.FAIL, "",
          p.get().rate() <= 10, 1, 100, p.get().rate(), p.get().rate(), 30, h.size()));
    }
    assertThat(rates).containsExactly(5.0, 10.0, 20.0);
    assertThat(s.endReason(h)).isEqualTo("every rung of the ladder measured");
    assertThat(Bracket.of(h, 0.05).highestPass()).isEqualTo(10);
    assertThat(Bracket.of(h, 0.05).lowestFail()).isEqualTo(20);
  }
}
