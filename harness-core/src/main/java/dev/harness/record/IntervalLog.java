package dev.harness.record;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes {@code latency.hlog}: HdrHistogram's interval log format, one tagged interval histogram
 * per metric per second, values in microseconds. Readable by HdrHistogram's own {@code
 * HistogramLogProcessor} (use {@code -outputValueUnitRatio 1000} for milliseconds and {@code -tag
 * e2e} to pick a metric).
 */
public final class IntervalLog implements Closeable {
  private final PrintStream out;
  private final HistogramLogWriter writer;
  private final long startWallMillis;

  public IntervalLog(Path file, long startWallMillis, String comment) throws IOException {
    try {
      this.out = new PrintStream(file.toFile(), StandardCharsets.UTF_8);
    } catch (FileNotFoundException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    this.writer = new HistogramLogWriter(out);
    this.startWallMillis = startWallMillis;
    writer.outputLogFormatVersion();
    writer.outputComment(comment);
    writer.outputComment("values in microseconds; tags: one per metric (e2e, ttft, itl, ...)");
    writer.outputStartTime(startWallMillis);
    writer.setBaseTime(startWallMillis);
    writer.outputLegend();
  }

  /**
   * Appends one interval. Times are wall-clock milliseconds; only non-empty histograms are
   * written.
   */
  public synchronized void append(
      long intervalStartWallMillis, long intervalEndWallMillis, Map<Metric, Histogram> interval) {
    append(intervalStartWallMillis, intervalEndWallMillis, interval, "");
  }

  /**
   * Appends one interval with every tag prefixed (e.g. {@code warmup-} for the warm-up before a
   * capacity step, so it never mixes with the measured values).
   */
  public synchronized void append(
      long intervalStartWallMillis,
      long intervalEndWallMillis,
      Map<Metric, Histogram> interval,
      String tagPrefix) {
    for (Map.Entry<Metric, Histogram> e : interval.entrySet()) {
      Histogram h = e.getValue();
      if (h.getTotalCount() == 0) {
        continue;
      }
      h.setTag(tagPrefix + e.getKey().tag());
      h.setStartTimeStamp(intervalStartWallMillis);
      h.setEndTimeStamp(intervalEndWallMillis);
      writer.outputIntervalHistogram(h);
    }
    out.flush();
  }

  public long startWallMillis() {
    return startWallMillis;
  }

  @Override
  public synchronized void close() {
    out.close();
  }
}
