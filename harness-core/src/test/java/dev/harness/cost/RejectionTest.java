package dev.harness.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.result.CheckResult;
import org.junit.jupiter.api.Test;

class RejectionTest {
  @Test
  void aMissedObjectiveCarriesItsNumbers() {
    CheckResult breach = new CheckResult("p99 e2e <= 2000 ms", "e2e", 99.0, 2000.0, 412, 30,
        0.073, 0.01, 0.05, 0.1, 3210.4, "fail", "clopper-pearson");
    Rejection r = Rejection.sloMissed("g4dn.2xlarge", breach, 0.25);
    assertThat(r.reason()).isEqualTo(RejectionReason.SLO_MISSED_AT_LOWEST_RATE);
    assertThat(r.evidence()).isEqualTo(
        "p99 e2e <= 2000 ms missed at 0.25 requests/s: observed 3210 ms > 2000 ms (n = 412)");
  }

  @Test
  void aPercentileThatFallsOnFailedRequestsIsShownAsTheShareOver() {
    CheckResult breach = new CheckResult("p90 ttft ≤ 750 ms", "ttft", 90.0, 750.0, 22, 22,
        1.0, 0.1, 0.93, 1.0, null, "fail", "clopper-pearson");
    Rejection r = Rejection.sloMissed("sim-g4dn.2xlarge", breach, 4);
    assertThat(r.reason()).isEqualTo(RejectionReason.SLO_MISSED_AT_LOWEST_RATE);
    assertThat(r.evidence()).isEqualTo("p90 ttft ≤ 750 ms missed at 4.00 requests/s: 100 % of "
        + "requests over 750 ms or failed, allowed 10 % (n = 22)");
  }

  @Test
  void anErrorRateBreachBecomesAnErrorRateRejection() {
    CheckResult errors = new CheckResult("errors <= 1 %", "errors", null, null, 200, 30, 0.15,
        0.01, 0.1, 0.2, null, "fail", "clopper-pearson");
    Rejection r = Rejection.sloMissed("a", errors, 0.5);
    assertThat(r.reason()).isEqualTo(RejectionReason.ERROR_RATE);
    assertThat(r.evidence()).isEqualTo(
        "15.0 % of requests failed at 0.50 requests/s, allowed 1.0 % (n = 200)");
  }

  @Test
  void everyReasonHasItsEvidence() {
    assertThat(Rejection.throttled("a", 40, 100, 2).evidence())
        .isEqualTo("40 of 100 requests throttled at 2.00 requests/s");
    assertThat(Rejection.incompatible("a", "needs a Neuron-compiled model").evidence())
        .isEqualTo("declared incompatible: needs a Neuron-compiled model");
    assertThat(Rejection.generatorLimited("a", 120).evidence())
        .startsWith("the load generator was the limit at 120.00 requests/s");
    assertThat(Rejection.noSuccess("a", 50, "HTTP 500").evidence())
        .isEqualTo("no successful request of 50; last error: HTTP 500");
    assertThat(Rejection.noSuccess("a", 50, null).reason())
        .isEqualTo(RejectionReason.NO_SUCCESSFUL_REQUEST);
    assertThat(RejectionReason.DOES_NOT_FIT.key()).isEqualTo("does-not-fit");
  }

  @Test
  void errorTextIsKeptOnOneLine() {
    Rejection r = Rejection.doesNotFit("a", "torch.OutOfMemoryError:\n  CUDA out of memory\n");
    assertThat(r.evidence()).isEqualTo("torch.OutOfMemoryError: CUDA out of memory");
    assertThat(Rejection.doesNotFit("a", " ").evidence()).isEqualTo("(no evidence recorded)");
  }

  @Test
  void aRejectionMustNameItsCandidate() {
    assertThatThrownBy(() -> Rejection.doesNotFit(" ", "x"))
        .hasMessageContaining("needs the candidate's name");
    assertThatThrownBy(() -> new CandidateOutcome("b", "g5.xlarge", 1, 1, 1, null,
        Rejection.doesNotFit("a", "x"), null, null, null))
        .hasMessageContaining("candidate b carries the rejection of a");
  }
}
