package dev.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.harness.config.Objective;
import dev.harness.config.Slo;
import dev.harness.record.Metric;
import dev.harness.record.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SloJudgeTest {
  private static final long MS = 1_000_000;
  private static final Objective P99_E2E_250 = new Objective(Metric.E2E, 99, Duration.ofMillis(250));
  private static final Objective P90_TTFT_500 =
      new Objective(Metric.TTFT, 90, Duration.ofMillis(500));
  private static final Objective P99_ITL_50 = new Objective(Metric.ITL, 99, Duration.ofMillis(50));

  private static SloJudge judge(double maxErrorRate, Objective... objectives) {
    return new SloJudge(new Slo(List.of(objectives), maxErrorRate), 0.95);
  }

  /** n requests 1 ms apart; every {@code everyNth} (if > 0) takes {@code slowMillis}. */
  private static List<Sample> cohort(int n, long fastMillis, int everyNth, long slowMillis) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean slow = everyNth > 0 && i % everyNth == everyNth - 1;
      samples.add(Sample.success(i * MS, (slow ? slowMillis : fastMillis) * MS));
    }
    return samples;
  }

  private static Sample failed(long at, Outcome outcome) {
    return new Sample(at, outcome, outcome == Outcome.TIMEOUT ? 2000 * MS : -1, -1, -1);
  }

  @Test
  void aCohortClearlyUnderTheThresholdPasses() {
    StepVerdict v = judge(0.01, P99_E2E_250).judge(cohort(2000, 100, 0, 0), Map.of());

    assertThat(v.verdict()).isEqualTo(Verdict.PASS);
    assertThat(v.reason()).isEqualTo("all 2 objectives met");
    assertThat(v.firstBreach()).isNull();
    assertThat(v.goodRequests()).isEqualTo(2000);
    Check e2e = v.checks().get(0);
    assertThat(e2e.name()).isEqualTo("p99 e2e ≤ 250 ms");
    assertThat(e2e.violations()).isZero();
    assertThat(e2e.upperBound()).isLessThanOrEqualTo(0.01);
    assertThat(e2e.observedMillis()).isEqualTo(100.0);
  }

  @Test
  void aCohortClearlyOverTheThresholdFailsNamingTheBreach() {
    // every 10th request takes 400 ms: 10% over a threshold that allows 1%
    List<Sample> samples = cohort(2000, 100, 10, 400);
    StepVerdict v = judge(0.01, P99_E2E_250).judge(samples, Map.of());

    assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
    Check breach = v.firstBreach();
    assertThat(breach.metric()).isEqualTo("e2e");
    assertThat(breach.thresholdMillis()).isEqualTo(250.0);
    assertThat(breach.observedMillis()).isEqualTo(400.0);
    assertThat(breach.n()).isEqualTo(2000);
    assertThat(breach.violations()).isEqualTo(200);
    assertThat(breach.share()).isEqualTo(0.1);
    assertThat(breach.lowerBound()).isGreaterThan(0.01);
    assertThat(v.reason()).startsWith("p99 e2e 400 ms > 250 ms (share over 10% > 1%, lower bound ")
        .endsWith(", n=2000)");
    assertThat(v.goodRequests()).isEqualTo(1800);
  }

  @Test
  void aShareAtTheLimitWithFewRequestsIsInconclusive() {
    // 1 of 100 over: share 1% exactly, the interval straddles the allowed 1%
    StepVerdict v = judge(0.01, P99_E2E_250).judge(cohort(100, 100, 100, 300), Map.of());

    Check e2e = v.checks().get(0);
    assertThat(e2e.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(e2e.lowerBound()).isLessThan(0.01);
    assertThat(e2e.upperBound()).isGreaterThan(0.01);
    assertThat(e2e.method()).isEqualTo("clopper-pearson");
    assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(v.reason()).startsWith("inconclusive: p99 e2e ≤ 250 ms (share over 1%, bounds ")
        .contains("around 1%, n=100)");
  }

  @Test
  void dropsTimeoutsAndErrorsCountAsViolations() {
    List<Sample> samples = cohort(1000, 100, 0, 0);
    samples.add(failed(1000 * MS, Outcome.DROPPED));
    samples.add(failed(1001 * MS, Outcome.TIMEOUT));
    samples.add(failed(1002 * MS, Outcome.HTTP_5XX));
    StepVerdict v = judge(0.5, P99_E2E_250).judge(samples, Map.of());

    Check e2e = v.checks().get(0);
    assertThat(e2e.n()).isEqualTo(1003);
    assertThat(e2e.violations()).isEqualTo(3);
    Check errors = v.checks().get(1);
    assertThat(errors.violations()).isEqualTo(3);
    assertThat(v.goodRequests()).isEqualTo(1000);
  }

  @Test
  void nonSuccessesSitAtInfinityInTheObservedPercentile() {
    // 5% timeouts, spread evenly: the p99 falls on them
    List<Sample> samples = cohort(1000, 100, 0, 0);
    for (int i = 10; i < 1000; i += 20) {
      samples.set(i, failed(i * MS, Outcome.TIMEOUT));
    }
    StepVerdict v = judge(1, P99_E2E_250).judge(samples, Map.of());

    assertThat(v.firstBreach().observedMillis()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(v.reason()).startsWith("p99 e2e over 250 ms, falling on failed requests");
  }

  @Test
  void aSuccessWithoutTheMetricsValueIsAViolation() {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      long ttft = i % 5 == 0 ? -1 : 200 * MS;
      samples.add(new Sample(i * MS, Outcome.SUCCESS, 900 * MS, ttft, 10 * MS));
    }
    StepVerdict v = judge(0.01, P90_TTFT_500).judge(samples, Map.of());

    Check ttft = v.checks().get(0);
    assertThat(ttft.violations()).isEqualTo(200);
    assertThat(ttft.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(v.goodRequests()).isEqualTo(800);
  }

  @Test
  void theErrorRateIsCheckedLastAgainstTheMaximum() {
    // 5% errors, spread evenly: within p90's 10% allowance but over a 1% maximum error rate
    List<Sample> samples = cohort(1000, 100, 0, 0);
    for (int i = 10; i < 1000; i += 20) {
      samples.set(i, failed(i * MS, Outcome.HTTP_5XX));
    }
    Objective p90 = new Objective(Metric.E2E, 90, Duration.ofMillis(250));
    StepVerdict v = judge(0.01, p90).judge(samples, Map.of());

    assertThat(v.checks()).extracting(Check::verdict)
        .containsExactly(Verdict.PASS, Verdict.FAIL);
    Check errors = v.firstBreach();
    assertThat(errors.metric()).isEqualTo("errors");
    assertThat(errors.name()).isEqualTo("error rate ≤ 1%");
    assertThat(errors.percentile()).isNaN();
    assertThat(errors.thresholdMillis()).isNaN();
    assertThat(errors.observedMillis()).isNaN();
    assertThat(errors.allowedShare()).isEqualTo(0.01);
    assertThat(errors.violations()).isEqualTo(50);
    assertThat(v.reason()).startsWith("error rate 5% > 1% (50 of 1000 requests failed");
  }

  @Test
  void theErrorRateIsAGuardRailJudgedOnTheObservedRateUnlessTheBoundsDecide() {
    Objective p90 = new Objective(Metric.E2E, 90, Duration.ofMillis(250));
    // 40 clean requests: far too few to prove ≤ 1 % with a bound, but none failed
    Check clean = judge(0.01, p90).judge(cohort(40, 100, 0, 0), Map.of()).checks().get(1);
    assertThat(clean.upperBound()).isGreaterThan(0.01);
    assertThat(clean.verdict()).isEqualTo(Verdict.PASS);
    // 1 error in 40 (2.5 %): over the maximum, but the bounds cannot tell yet
    List<Sample> one = cohort(40, 100, 0, 0);
    one.set(20, failed(20 * MS, Outcome.HTTP_5XX));
    assertThat(judge(0.01, p90).judge(one, Map.of()).checks().get(1).verdict())
        .isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void aZeroMaximumErrorRateFailsOnTheFirstError() {
    List<Sample> clean = cohort(20, 100, 0, 0);
    assertThat(judge(0, P99_E2E_250).judge(clean, Map.of()).checks().get(1).verdict())
        .isEqualTo(Verdict.PASS);

    List<Sample> oneError = new ArrayList<>(clean);
    oneError.add(failed(20 * MS, Outcome.CONNECT_ERROR));
    StepVerdict v = judge(0, P99_E2E_250).judge(oneError, Map.of());
    assertThat(v.checks().get(1).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(v.checks().get(1).name()).isEqualTo("error rate ≤ 0%");
  }

  @Test
  void tokenGapsAreJudgedOnTheirHistogram() {
    Histogram itl = new Histogram(3_600_000_000L, 3);
    itl.recordValueWithCount(20_000, 10_000); // 20 ms
    itl.recordValueWithCount(80_000, 500); // 80 ms
    StepVerdict v = judge(0.01, P99_ITL_50)
        .judge(cohort(1000, 100, 0, 0), Map.of(Metric.ITL, itl));

    Check check = v.checks().get(0);
    assertThat(check.metric()).isEqualTo("itl");
    assertThat(check.n()).isEqualTo(10_500);
    assertThat(check.violations()).isEqualTo(500);
    assertThat(check.observedMillis()).isCloseTo(80, within(0.1));
    assertThat(check.method()).isEqualTo("clopper-pearson");
    assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(v.reason()).contains("n=10500 token gaps");
  }

  @Test
  void tokenGapsJustUnderTheThresholdAreWithinIt() {
    Histogram itl = new Histogram(3_600_000_000L, 3);
    long justUnder = itl.lowestEquivalentValue(50_000) - 1; // last bucket wholly ≤ 50 ms
    itl.recordValueWithCount(justUnder, 10_000);
    Check check = judge(0.01, P99_ITL_50)
        .judge(cohort(1000, 100, 0, 0), Map.of(Metric.ITL, itl)).checks().get(0);

    assertThat(check.violations()).isZero();
    assertThat(check.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void aMissingTokenGapHistogramIsInconclusive() {
    StepVerdict v = judge(0.01, P99_ITL_50).judge(cohort(1000, 100, 0, 0), Map.of());

    Check check = v.checks().get(0);
    assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(check.n()).isZero();
    assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(v.reason()).isEqualTo("inconclusive: p99 itl ≤ 50 ms (no token gaps recorded)");
    assertThat(judge(0.01, P99_ITL_50).judge(cohort(1000, 100, 0, 0), null).verdict())
        .isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void checksFollowThePlanOrderWithTheErrorRateLast() {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      // ttft passes; e2e fails (every 10th at 300 ms)
      long e2e = (i % 10 == 9 ? 300 : 100) * MS;
      samples.add(new Sample(i * MS, Outcome.SUCCESS, e2e, 50 * MS, 5 * MS));
    }
    Histogram itl = new Histogram(3);
    itl.recordValueWithCount(60_000, 1000);
    StepVerdict v = judge(0.01, P90_TTFT_500, P99_E2E_250, P99_ITL_50)
        .judge(samples, Map.of(Metric.ITL, itl));

    assertThat(v.checks()).extracting(Check::metric)
        .containsExactly("ttft", "e2e", "itl", "errors");
    assertThat(v.firstBreach().metric()).isEqualTo("e2e");
    assertThat(v.reason()).endsWith("; also failing: p99 itl ≤ 50 ms");
  }

  @Test
  void theVerdictDoesNotDependOnTheCohortsOrder() {
    List<Sample> samples = cohort(3000, 100, 0, 0);
    for (int i = 1000; i < 1060; i++) {
      samples.set(i, Sample.success(i * MS, 900 * MS)); // a burst of 60 slow requests
    }
    List<Sample> shuffled = new ArrayList<>(samples);
    Collections.shuffle(shuffled, new java.util.Random(7));
    SloJudge judge = judge(0.01, P99_E2E_250);

    assertThat(judge.judge(shuffled, Map.of())).isEqualTo(judge.judge(samples, Map.of()));
  }

  @Test
  void correlatedViolationsWidenTheIntervalAndHoldBackAPass() {
    // 10,000 requests, violations in 2 runs of 30 (0.6%): as independent draws this passes p99.
    List<Sample> samples = cohort(10_000, 100, 0, 0);
    for (int start : new int[] {1000, 6000}) {
      for (int i = start; i < start + 30; i++) {
        samples.set(i, Sample.success(i * MS, 400 * MS));
      }
    }
    double exactUpper = ClopperPearson.upper(60, 10_000, 0.95);
    assertThat(exactUpper).isLessThan(0.01);

    Check e2e = judge(0.01, P99_E2E_250).judge(samples, Map.of()).checks().get(0);

    assertThat(e2e.method()).isEqualTo("batch-means(k=20)");
    assertThat(e2e.upperBound()).isGreaterThan(0.01);
    assertThat(e2e.lowerBound()).isLessThanOrEqualTo(ClopperPearson.lower(60, 10_000, 0.95));
    assertThat(e2e.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void evenlySpreadViolationsKeepTheExactInterval() {
    // the same 0.6%, one every ~167 requests: windows agree, batch means is narrower
    List<Sample> samples = cohort(10_000, 100, 0, 0);
    for (int j = 0; j < 60; j++) {
      int i = j * 10_000 / 60 + 50;
      samples.set(i, Sample.success(i * MS, 400 * MS));
    }
    Check e2e = judge(0.01, P99_E2E_250).judge(samples, Map.of()).checks().get(0);

    assertThat(e2e.method()).isEqualTo("clopper-pearson");
    assertThat(e2e.upperBound())
        .isCloseTo(ClopperPearson.upper(60, 10_000, 0.95), within(1e-12));
    assertThat(e2e.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void batchMeansBoundsFollowTheTDistribution() {
    // 500 requests → 5 windows of 100; all 5 violations in the last: shares 0,0,0,0,0.05
    // mean 0.01, sd √((4·0.01² + 0.04²)/4) = √0.0005, se = sd/√5 = 0.01, t(4, 0.95) = 2.1318
    boolean[] violated = new boolean[500];
    for (int i = 495; i < 500; i++) {
      violated[i] = true;
    }
    ShareBounds.Bounds b = ShareBounds.widest(violated, 0.95);

    assertThat(b.upper()).isCloseTo(0.01 + 2.131847 * 0.01, within(1e-6));
    assertThat(b.lower()).isZero();
    assertThat(b.method()).isEqualTo("batch-means(k=5)");
  }

  @Test
  void anEmptyCohortIsInconclusive() {
    StepVerdict v = judge(0.01, P99_E2E_250).judge(List.of(), Map.of());

    assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(v.reason()).isEqualTo("no requests");
    assertThat(v.goodRequests()).isZero();
  }

  @Test
  void rejectsAConfidenceOutsideZeroToOne() {
    Slo slo = new Slo(List.of(P99_E2E_250), 0.01);
    assertThatThrownBy(() -> new SloJudge(slo, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }
}
