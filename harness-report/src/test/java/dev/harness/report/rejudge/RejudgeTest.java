package dev.harness.report.rejudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.record.Outcome;
import dev.harness.record.RequestRecord;
import dev.harness.record.TokenCountSource;
import dev.harness.report.Fixtures;
import dev.harness.report.Reports;
import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejudgeTest {
  @TempDir Path dir;

  /**
   * Records for the capacity fixture's steps (judged p99 e2e ≤ 50 ms there: 40 pass, 80 fail, 60
   * pass): e2e uniform in [5, 45) ms at 40 req/s, [5, 65) ms at 80 req/s (a quarter over 50 ms),
   * [5, 49) ms at 60 req/s; every request a success.
   */
  static List<RequestRecord> records(RunResult r) {
    SplittableRandom random = new SplittableRandom(3);
    List<RequestRecord> out = new ArrayList<>();
    long seq = 0;
    for (StepResult s : r.steps()) {
      double highMillis = s.offeredRps() >= 80 ? 65 : s.offeredRps() >= 60 ? 49 : 45;
      for (long i = 0; i < s.scheduled(); i++) {
        long intended = Math.round((s.startOffsetSeconds() + i / s.offeredRps()) * 1e9);
        long e2e = Math.round((5 + random.nextDouble() * (highMillis - 5)) * 1e6);
        out.add(new RequestRecord(seq++, s.index(), (int) (i % 200), Outcome.SUCCESS,
            TokenCountSource.NONE, 200, 0, -1, intended, intended, intended, -1, intended,
            intended + e2e / 2, -1, intended + e2e, 0));
      }
    }
    return out;
  }

  private static List<String> verdicts(RunResult r) {
    return r.capacity().steps().stream().map(CapacityStep::verdict).toList();
  }

  @Test
  void theRunsOwnSloGivesTheRunsOwnVerdicts() {
    RunResult r = Fixtures.capacityRun();

    RunResult again = Rejudge.apply(r, records(r), SloSpec.parse(List.of("e2e p99 <= 50ms"),
        0.001));

    assertThat(verdicts(again)).isEqualTo(verdicts(r)).containsExactly("pass", "fail", "pass");
    assertThat(again.capacity().sustainable().highestPass()).isEqualTo(60.0);
    assertThat(again.capacity().sustainable().lowestFail()).isEqualTo(80.0);
    assertThat(again.capacity().firstFailingStep()).isEqualTo(1);
    assertThat(again.capacity().firstBreach().name()).isEqualTo("p99 e2e ≤ 50 ms");
  }

  @Test
  void aTighterSloFailsEveryStepAndTheSummarySaysItWasReJudged() throws Exception {
    RunResult r = Fixtures.capacityRun();

    RunResult again = Rejudge.apply(r, records(r), SloSpec.parse(List.of("e2e p99 <= 20ms"),
        0.001));
    Reports.Outcome o = Reports.writeAll(again, dir);

    assertThat(verdicts(again)).containsExactly("fail", "fail", "fail");
    assertThat(again.capacity().sustainable().rps()).isNull();
    assertThat(again.capacity().sustainable().lowestFail()).isEqualTo(40.0);
    assertThat(again.capacity().steps()).allSatisfy(s -> {
      assertThat(s.checks().get(0).name()).isEqualTo("p99 e2e ≤ 20 ms");
      assertThat(s.goodputRps()).isLessThan(s.achievedRps());
    });
    assertThat(o.failures()).isEmpty();
    String md = Files.readString(dir.resolve("summary.md"));
    assertThat(md).contains("- **re-judged:** verdicts re-judged from requests.bin with the SLO "
        + "e2e p99 ≤ 20 ms, error rate ≤ 0.1%; results.json (unchanged) was judged with e2e p99 "
        + "≤ 50 ms, error rate ≤ 0.1%");
    assertThat(md).contains("- e2e p99 ≤ 20 ms\n", "- **sustainable rate:** none found");
    assertThat(md).doesNotContain("| pass |");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("verdicts re-judged from "
        + "requests.bin with the SLO e2e p99 ≤ 20 ms");
  }

  @Test
  void aLooserSloPassesTheStepThatFailed() {
    RunResult r = Fixtures.capacityRun();

    RunResult again = Rejudge.apply(r, records(r),
        SloSpec.parse(List.of("e2e p99 <= 100ms", "errors <= 1%"), 0.001));

    assertThat(verdicts(again)).containsExactly("pass", "pass", "pass");
    assertThat(again.capacity().sustainable().highestPass()).isEqualTo(80.0);
    assertThat(again.capacity().sustainable().lowestFail()).isNull();
    assertThat(again.capacity().firstBreach()).isNull();
    assertThat(again.plan().slo()).containsEntry("maxErrorRate", 0.01);
  }

  @Test
  void whatDoesNotDependOnTheSloIsKept() {
    RunResult r = Fixtures.capacityRun();

    RunResult again = Rejudge.apply(r, records(r), SloSpec.parse(List.of("e2e p99 <= 100ms"),
        0.001));

    for (int i = 0; i < r.capacity().steps().size(); i++) {
      CapacityStep before = r.capacity().steps().get(i);
      CapacityStep after = again.capacity().steps().get(i);
      assertThat(after.percentileIntervals()).isEqualTo(before.percentileIntervals());
      assertThat(after.offeredRps()).isEqualTo(before.offeredRps());
      assertThat(after.measuredSeconds()).isEqualTo(before.measuredSeconds());
    }
    assertThat(again.steps()).isEqualTo(r.steps());
  }

  @Test
  void aRunWithoutACapacitySearchOrWithoutTheMetricIsRefused() {
    RunResult r = Fixtures.capacityRun();

    assertThatThrownBy(() -> Rejudge.apply(r, records(r),
        SloSpec.parse(List.of("ttft p99 <= 1s"), 0.01)))
        .hasMessageContaining("this run measured no ttft (protocol http)");
    RunResult plain = Fixtures.llmRun();
    assertThatThrownBy(() -> Rejudge.apply(plain, List.of(),
        SloSpec.parse(List.of("e2e p99 <= 1s"), 0.01)))
        .hasMessageContaining("only a capacity search has verdicts to judge again")
        .hasMessageContaining("kind 'run'");
  }
}
