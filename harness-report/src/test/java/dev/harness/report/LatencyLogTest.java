package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyLogTest {
  @TempDir Path dir;

  @Test
  void intervalsArePlacedOnTheRunsTimeAxis() throws IOException {
    RunResult r = Fixtures.capacityRun();
    Fixtures.writeHlog(dir, r, 50);

    LatencyLog log = LatencyLog.read(dir.resolve("latency.hlog"), r);

    // measured windows: 30 one-second intervals each for steps 1, 3, 5
    assertThat(log.intervals("e2e")).hasSize(90);
    assertThat(log.intervals("warmup-e2e")).hasSize(15);
    LatencyLog.Interval first = log.intervals("e2e").get(0);
    assertThat(first.startSeconds()).isEqualTo(6.5);
    assertThat(first.endSeconds()).isEqualTo(7.5);
    assertThat(first.count()).isEqualTo(50);
    assertThat(first.p50Millis()).isBetween(5.0, 45.0);
    assertThat(first.p99Millis()).isGreaterThanOrEqualTo(first.p50Millis());
    assertThat(log.intervals("ttft")).isEmpty();
  }

  @Test
  void eachStepGetsTheE2eIntervalsOfItsOwnWindow() throws IOException {
    RunResult r = Fixtures.capacityRun();
    Map<Integer, Long> written = Fixtures.writeHlog(dir, r, 20);

    LatencyLog log = LatencyLog.read(dir.resolve("latency.hlog"), r);

    for (int measured : new int[] {1, 3, 5}) {
      assertThat(log.stepE2e(measured).getTotalCount()).isEqualTo(written.get(measured));
    }
    // warm-ups are tagged warmup-e2e: no e2e histogram of their own
    assertThat(log.stepE2e(0)).isNull();
  }

  @Test
  void aMissingLogIsEmpty() throws IOException {
    LatencyLog log = LatencyLog.read(dir.resolve("latency.hlog"), Fixtures.llmRun());

    assertThat(log.isEmpty()).isTrue();
    assertThat(log.intervals("e2e")).isEmpty();
  }

  @Test
  void aFileThatIsNotAnIntervalLogIsAnErrorNamingTheFile() throws IOException {
    Path bad = dir.resolve("latency.hlog");
    Files.writeString(bad, "Tag=e2e,0.1,1.0,0.0,this-is-not-base64!!\n");

    assertThatThrownBy(() -> LatencyLog.read(bad, Fixtures.capacityRun()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(bad.toString());
  }
}
