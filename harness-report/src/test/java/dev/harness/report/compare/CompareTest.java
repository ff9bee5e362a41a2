package dev.harness.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareTest {
  private static final Tolerances T = Tolerances.DEFAULT;

  private static ComparedRun run(Runs.Builder b) {
    return ComparedRun.of("dir/" + b.build().runId(), b.build());
  }

  private static Runs.Builder ladder(String id, double p99At300) {
    return Runs.run(id).rung(100, 20).rung(200, 26).rung(300, p99At300);
  }

  @Test
  void aRunLikeItsBaselinesPassesEveryCheck() throws Exception {
    List<ComparedRun> baselines = List.of(run(ladder("b1", 40)), run(ladder("b2", 44)),
        run(ladder("b3", 42)));

    Comparison c = Compare.compare(baselines, run(ladder("cur", 45)), T);

    assertThat(c.passed()).isTrue();
    assertThat(c.baselineRuns()).containsExactly("b1", "b2", "b3");
    assertThat(c.currentRun()).isEqualTo("cur");
    // sustainable rate, then p99 e2e, error rate and achieved/offered at each of three rates
    assertThat(c.checks()).hasSize(1 + 3 * 3);
    assertThat(c.checks().get(0).quantity()).isEqualTo(Quantity.SUSTAINABLE_RATE);
    assertThat(c.checks()).extracting(Check::name).contains("p99 e2e at 300 req/s",
        "error rate at 100 req/s", "achieved/offered at 200 req/s");
    assertThat(c.notes().get(0)).contains("2 × the spread").contains("3 baselines");
  }

  @Test
  void aSlowerRunFailsTheLatencyCheckWhereItRoseBeyondTheSpread() throws Exception {
    List<ComparedRun> baselines = List.of(run(ladder("b1", 40)), run(ladder("b2", 44)),
        run(ladder("b3", 42)));

    Comparison c = Compare.compare(baselines, run(ladder("cur", 70)), T);

    assertThat(c.passed()).isFalse();
    assertThat(c.failures()).extracting(Check::name).containsExactly("p99 e2e at 300 req/s");
    Check f = c.failures().get(0);
    assertThat(f.baselineValues()).containsExactly(40.0, 44.0, 42.0);
    assertThat(f.allowed()).isCloseTo(2 * 4 / 42.0, within(1e-12));
  }

  @Test
  void baselinesAreInterpolatedAtTheCurrentRunsRates() throws Exception {
    ComparedRun base = run(Runs.run("b").rung(100, 20).rung(300, 60));
    ComparedRun cur = run(Runs.run("c").rung(200, 40.5));

    Comparison c = Compare.compare(List.of(base), cur, T);

    Check p99 = c.checks().stream().filter(k -> k.quantity() == Quantity.P99_E2E)
        .findFirst().orElseThrow();
    assertThat(p99.rateRps()).isEqualTo(200.0);
    assertThat(p99.baseline()).isCloseTo(40.0, within(1e-9));
    assertThat(p99.passed()).isTrue();
  }

  @Test
  void ratesOutsideEveryBaselinesCurveAreLeftOutWithANote() throws Exception {
    ComparedRun base = run(Runs.run("b").rung(100, 20).rung(200, 30));
    ComparedRun cur = run(Runs.run("c").rung(100, 20).rung(200, 30).rung(400, 500));

    Comparison c = Compare.compare(List.of(base), cur, T);

    assertThat(c.checks()).extracting(Check::rateRps).doesNotContain(400.0);
    assertThat(c.notes()).anyMatch(n -> n.contains("outside") && n.contains("400 req/s"));
  }

  @Test
  void oneBaselineUsesTheFloorsAndSaysSo() throws Exception {
    Comparison c = Compare.compare(List.of(run(ladder("b", 40))), run(ladder("c", 41.9)), T);

    assertThat(c.passed()).isTrue();
    assertThat(c.checks()).allMatch(k -> k.allowed() == T.floor(k.quantity()));
    assertThat(c.notes().get(0)).startsWith("one baseline").contains("5.0 %").contains("0.50 pp");
  }

  @Test
  void aLowerSustainableRateFails() throws Exception {
    ComparedRun base = run(ladder("b", 40).sustainable(250.0, 200.0));
    ComparedRun cur = run(ladder("c", 40).sustainable(220.0, 200.0));

    Comparison c = Compare.compare(List.of(base), cur, T);

    assertThat(c.failures()).extracting(Check::name).containsExactly("sustainable rate");
  }

  @Test
  void withoutAPointEstimateEverywhereTheHighestPassIsCompared() throws Exception {
    ComparedRun base = run(ladder("b", 40).sustainable(250.0, 200.0));
    ComparedRun cur = run(ladder("c", 40).sustainable(null, 100.0));

    Comparison c = Compare.compare(List.of(base), cur, T);

    Check s = c.checks().get(0);
    assertThat(s.baseline()).isEqualTo(200.0);
    assertThat(s.current()).isEqualTo(100.0);
    assertThat(s.passed()).isFalse();
    assertThat(c.notes()).anyMatch(n -> n.contains("highest passing rate"));
  }

  @Test
  void noSustainableRateInTheCurrentRunFails() throws Exception {
    Comparison c = Compare.compare(List.of(run(ladder("b", 40))),
        run(ladder("c", 40).sustainable(null, null)), T);

    assertThat(c.failures()).extracting(Check::name).containsExactly("sustainable rate");
    assertThat(c.failures().get(0).current()).isNull();
  }

  @Test
  void ttftIsComparedWhereEveryRunMeasuredIt() throws Exception {
    ComparedRun base = run(ladder("b", 40).ttft(300));
    ComparedRun cur = run(ladder("c", 40).ttft(400));

    Comparison c = Compare.compare(List.of(base), cur, T);

    assertThat(c.failures()).extracting(Check::name)
        .containsExactly("p99 TTFT at 100 req/s", "p99 TTFT at 200 req/s",
            "p99 TTFT at 300 req/s");
  }

  @Test
  void aHigherErrorRateFails() throws Exception {
    ComparedRun base = run(Runs.run("b").rung(100, 20).rung(new Runs.Rung(200, 30, 0.001, 1)));
    ComparedRun cur = run(Runs.run("c").rung(100, 20).rung(new Runs.Rung(200, 30, 0.02, 0.98)));

    Comparison c = Compare.compare(List.of(base), cur, T);

    assertThat(c.failures()).extracting(Check::name).containsExactly("error rate at 200 req/s");
  }

  @Test
  void aHigherFleetCostFails() throws Exception {
    ComparedRun base = new ComparedRun("b", Runs.run("b").kind("recommend").build(), 1000.0);
    ComparedRun cur = new ComparedRun("c", Runs.run("c").kind("recommend").build(), 1100.0);

    Comparison c = Compare.compare(List.of(base), cur, T);

    assertThat(c.checks()).extracting(Check::name).containsExactly("fleet cost");
    assertThat(c.passed()).isFalse();
  }

  @Test
  void theLadderSourceOfTheCurrentRunIsNoted() throws Exception {
    ComparedRun cur = run(ladder("c", 40).setting("ladderFrom",
        Map.of("runId", "b", "dir", "/nightly/b")));

    Comparison c = Compare.compare(List.of(run(ladder("b", 40))), cur, T);

    assertThat(c.notes()).contains("the current run replayed the ladder of b");
  }

  @Test
  void runsOfDifferentPlansAreNotComparableAndEveryDifferenceIsNamed() {
    ComparedRun base = run(ladder("b", 40));
    ComparedRun cur = run(ladder("c", 40).planName("other").objectives("e2e p99 <= 80 ms")
        .protocol("openai-chat"));

    assertThatThrownBy(() -> Compare.compare(List.of(base), cur, T))
        .isInstanceOfSatisfying(NotComparableException.class, e -> assertThat(e.differences())
            .containsExactly(
                "plan name differs: 'fraud' in dir/b, 'other' in dir/c",
                "target protocol differs: 'http' in dir/b, 'openai-chat' in dir/c",
                "SLO objectives differs: '[e2e p99 <= 50 ms]' in dir/b, "
                    + "'[e2e p99 <= 80 ms]' in dir/c"));
  }

  @Test
  void anotherPayloadSetIsNotComparable() {
    ComparedRun base = run(ladder("b", 40));
    ComparedRun cur = run(ladder("c", 40).payloads("bb22", 200));

    assertThatThrownBy(() -> Compare.compare(List.of(base), cur, T))
        .isInstanceOf(NotComparableException.class)
        .hasMessageContaining("payload set (SHA-256) differs: 'aa11' in dir/b, 'bb22' in dir/c");
  }

  @Test
  void withoutADigestThePayloadCountDecides() throws Exception {
    ComparedRun base = run(ladder("b", 40).payloads("unavailable", 200));

    assertThatThrownBy(() -> Compare.compare(List.of(base),
        run(ladder("c", 40).payloads("aa11", 150)), T))
        .isInstanceOf(NotComparableException.class)
        .hasMessageContaining("payload count (no SHA-256 to compare) differs: '200'");
    assertThat(Compare.compare(List.of(base), run(ladder("c", 40).payloads("aa11", 200)), T)
        .passed()).isTrue();
  }

  @Test
  void baselinesMustMatchEachOtherToo() {
    List<ComparedRun> baselines = List.of(run(ladder("b1", 40)),
        run(ladder("b2", 40).planName("x")));

    assertThatThrownBy(() -> Compare.compare(baselines, run(ladder("c", 40)), T))
        .isInstanceOf(NotComparableException.class)
        .hasMessageContaining("'x' in dir/b2");
  }

  @Test
  void aPlainRunIsNotComparable() {
    assertThatThrownBy(() -> Compare.compare(List.of(run(ladder("b", 40).kind("run"))),
        run(ladder("c", 40).kind("run")), T))
        .isInstanceOf(NotComparableException.class)
        .hasMessageContaining("dir/b is a 'run' run");
  }

  @Test
  void curvesWithoutACommonRateAreNotComparable() {
    ComparedRun base = run(Runs.run("b").rung(100, 20).rung(200, 30));
    ComparedRun cur = run(Runs.run("c").rung(300, 40).rung(400, 50));

    assertThatThrownBy(() -> Compare.compare(List.of(base), cur, T))
        .isInstanceOf(NotComparableException.class)
        .hasMessageContaining("no offered rate of dir/c (300–400 req/s)")
        .hasMessageContaining("--ladder-from");
  }
}
