package dev.harness.cost;

import java.util.List;

/**
 * The sizing decision of /work/shared/SCENARIO.md in figures (docs/cost.md, "Worked example"):
 * a 7B chat model, 80 requests/min steady and 250 at an 8-hour peak, 30 % growth, N+1.
 */
final class Scenario {
  private Scenario() {}

  static double perMinute(double rpm) {
    return rpm / 60;
  }

  static final Traffic TRAFFIC =
      new Traffic(perMinute(80), perMinute(250), 8, 1, 1, 1).withAnnualGrowth(0.3, 1);

  static CapacityBracket rpm(double low, double point, double high) {
    return new CapacityBracket(perMinute(low), perMinute(point), perMinute(high));
  }

  /** Output tokens/s per instance at {@code rpm} with {@code tokens} per request. */
  static double tokensPerSec(double rpm, double tokens) {
    return perMinute(rpm) * tokens;
  }

  static final List<CandidateOutcome> CANDIDATES = List.of(
      CandidateOutcome.rejected("g5.xlarge", 1, 1, 1.408, Rejection.doesNotFit("g5.xlarge",
          "health check failed: model load needs 17.0 GiB of host memory (13.0 GiB weights + "
              + "4.0 GiB overhead), the instance has 16 GiB")),
      CandidateOutcome.passed("g5.2xlarge", "g5.2xlarge", 1, 1, 1.515, rpm(130, 140, 150),
          1340.0, tokensPerSec(140, 500), 500.0),
      CandidateOutcome.passed("g5.4xlarge", "g5.4xlarge", 1, 1, 2.03, rpm(205, 220, 235),
          960.0, tokensPerSec(220, 500), 500.0),
      CandidateOutcome.passed("g5.12xlarge x4", "g5.12xlarge", 4, 1, 7.09, rpm(520, 540, 560),
          780.0, tokensPerSec(540, 505), 505.0),
      CandidateOutcome.rejected("g4dn.2xlarge", 1, 1, 0.94, Rejection.sloMissed("g4dn.2xlarge",
          "p99 e2e <= 2000 ms", 3200, 2000, 412, perMinute(15))),
      CandidateOutcome.rejected("inf2.xlarge", 1, 1, 0.99, Rejection.incompatible("inf2.xlarge",
          "needs a Neuron-compiled model")));

  static Ranking ranking() {
    return Ranking.of(CANDIDATES, TRAFFIC);
  }
}
