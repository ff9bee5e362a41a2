package dev.harness.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkSummaryTest {
  @TempDir Path dir;

  private static RunResult withSdk(SdkSummary sdk) {
    RunResult r = ResultsJsonTest.sample(null);
    GeneratorSummary g = r.generator();
    GeneratorSummary withSdk = new GeneratorSummary("aws-sdk", g.eventLoops(), g.maxInFlight(),
        g.connections(), 0, g.scheduleLagP99Millis(), g.scheduleLagMaxMillis(),
        g.hiccupP999Millis(), g.hiccupMaxMillis(), 0, sdk);
    return new RunResult(r.schemaVersion(), r.runId(), r.kind(), r.startedAt(), r.endedAt(),
        r.interrupted(), r.stopReason(), r.seed(), r.versions(), r.plan(), r.payloads(), withSdk,
        r.anchors(), r.steps(), r.totals(), r.warnings(), r.capacity());
  }

  private static SdkSummary sdk() {
    return new SdkSummary(48, 375, 0, 0, 17, new SdkSummary.Durations(375, 0.02, 0.4, 31.5),
        new SdkSummary.Durations(375, 4.1, 9.7, 12.0));
  }

  @Test
  void theSdkSectionRoundTripsAndItsFieldNamesAreSealed() throws Exception {
    RunResult written = withSdk(sdk());

    ResultsJson.write(written, dir);

    assertThat(ResultsJson.read(dir)).isEqualTo(written);
    JsonNode json = new ObjectMapper().readTree(dir.resolve(ResultsJson.FILE_NAME).toFile());
    assertThat(names(json.at("/generator/sdk"))).containsExactly("maxConcurrency", "apiCalls",
        "retries", "maxPendingAcquires", "maxLeasedConcurrency", "concurrencyAcquire",
        "timeToFirstByte");
    assertThat(names(json.at("/generator/sdk/timeToFirstByte")))
        .containsExactly("n", "p50Millis", "p99Millis", "maxMillis");
  }

  @Test
  void aRunWithoutAnSdkHasNoSdkSection() throws Exception {
    ResultsJson.write(withSdk(null), dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve(ResultsJson.FILE_NAME).toFile());
    assertThat(json.get("generator").has("sdk")).isFalse();
    assertThat(ResultsJson.read(dir).generator().sdk()).isNull();
  }

  @Test
  void durationsComeFromAHistogramOfMicroseconds() {
    Histogram micros = new Histogram(3);
    for (int i = 1; i <= 100; i++) {
      micros.recordValue(i * 1000L); // 1 ms … 100 ms
    }

    SdkSummary.Durations d = SdkSummary.Durations.ofMicros(micros);

    assertThat(d.n()).isEqualTo(100);
    assertThat(d.p50Millis()).isBetween(49.9, 50.1);
    assertThat(d.p99Millis()).isBetween(98.9, 99.1);
    assertThat(d.maxMillis()).isBetween(99.9, 100.1);
    assertThat(SdkSummary.Durations.ofMicros(new Histogram(3)))
        .isEqualTo(new SdkSummary.Durations(0, 0, 0, 0));
  }

  @Test
  void negativeCountsAreRefusedNamingThem() {
    assertThatThrownBy(() -> new SdkSummary(-1, 0, 0, 0, 0, sdk().concurrencyAcquire(),
        sdk().timeToFirstByte()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool -1");
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
