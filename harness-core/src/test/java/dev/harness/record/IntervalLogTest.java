package dev.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalLogTest {
  private static final long START = 1_750_000_000_000L; // a wall-clock time in ms

  @TempDir Path dir;

  private static List<Histogram> readAll(Path file) throws FileNotFoundException {
    HistogramLogReader reader = new HistogramLogReader(file.toFile());
    List<Histogram> all = new ArrayList<>();
    EncodableHistogram h;
    while ((h = reader.nextIntervalHistogram()) != null) {
      all.add((Histogram) h);
    }
    return all;
  }

  @Test
  void hdrHistogramsOwnReaderReadsOneTaggedHistogramPerMetricAndInterval() throws Exception {
    Path file = dir.resolve("latency.hlog");
    RunRecorder recorder = new RunRecorder(2, 10_000_000L);
    try (IntervalLog log = new IntervalLog(file, START, "harness test")) {
      for (int i = 0; i < 3; i++) {
        recorder.record(0, Metric.E2E, 5_000_000L);
      }
      recorder.record(1, Metric.E2E, 9_000_000L);
      recorder.record(0, Metric.TTFT, 2_000_000L, 2);
      log.append(START, START + 1000, recorder.swapInterval());
      for (int i = 0; i < 4; i++) {
        recorder.record(1, Metric.E2E, 7_000_000L);
      }
      log.append(START + 1000, START + 2000, recorder.swapInterval());
    }

    List<Histogram> intervals = readAll(file);

    Map<String, Long> countByTag = new HashMap<>();
    Map<String, Integer> intervalsByTag = new HashMap<>();
    for (Histogram h : intervals) {
      countByTag.merge(h.getTag(), h.getTotalCount(), Long::sum);
      intervalsByTag.merge(h.getTag(), 1, Integer::sum);
    }
    assertThat(countByTag).containsOnly(Map.entry("e2e", 8L), Map.entry("ttft", 2L));
    assertThat(intervalsByTag).containsOnly(Map.entry("e2e", 2), Map.entry("ttft", 1));
    Histogram firstE2e = intervals.stream().filter(h -> "e2e".equals(h.getTag())).findFirst()
        .orElseThrow();
    assertThat(firstE2e.getStartTimeStamp()).isEqualTo(START);
    assertThat(firstE2e.getEndTimeStamp()).isEqualTo(START + 1000);
    assertThat(firstE2e.getMaxValue()).isEqualTo(firstE2e.highestEquivalentValue(9_000));
    assertThat(firstE2e.getValueAtPercentile(50))
        .isEqualTo(firstE2e.highestEquivalentValue(5_000));
    Histogram lastE2e = intervals.get(intervals.size() - 1);
    assertThat(lastE2e.getTag()).isEqualTo("e2e");
    assertThat(lastE2e.getStartTimeStamp()).isEqualTo(START + 1000);
    assertThat(lastE2e.getTotalCount()).isEqualTo(4);
  }

  @Test
  void theHeaderCarriesTheCommentStartTimeAndUnits() throws Exception {
    Path file = dir.resolve("latency.hlog");
    try (IntervalLog log = new IntervalLog(file, START, "harness 9.9 run abc")) {
      assertThat(log.startWallMillis()).isEqualTo(START);
    }

    String text = Files.readString(file);
    assertThat(text).contains("#harness 9.9 run abc").contains("microseconds");
    HistogramLogReader reader = new HistogramLogReader(file.toFile());
    assertThat(reader.nextIntervalHistogram()).isNull();
    assertThat(reader.getStartTimeSec()).isEqualTo(START / 1000.0);
  }

  @Test
  void emptyMetricsAreNotWritten() throws Exception {
    Path file = dir.resolve("latency.hlog");
    RunRecorder recorder = new RunRecorder(1, 10_000_000L);
    try (IntervalLog log = new IntervalLog(file, START, "test")) {
      log.append(START, START + 1000, recorder.swapInterval());
      recorder.record(0, Metric.SCHEDULE_LAG, 30_000L);
      log.append(START + 1000, START + 2000, recorder.swapInterval());
    }

    assertThat(readAll(file)).singleElement()
        .satisfies(h -> assertThat(h.getTag()).isEqualTo("schedule-lag"));
  }

  @Test
  void anUnwritableFileIsAnIoErrorNamingIt() {
    Path file = dir.resolve("no-such-dir").resolve("latency.hlog");

    org.assertj.core.api.Assertions.assertThatIOException()
        .isThrownBy(() -> new IntervalLog(file, START, "x"))
        .withMessageContaining(file.toString());
  }
}
