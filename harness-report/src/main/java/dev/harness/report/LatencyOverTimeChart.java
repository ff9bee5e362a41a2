package dev.harness.report;

import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 3, latency over time across the run: p50 and p99 of end-to-end latency (and p99 TTFT for
 * LLM runs) per interval of {@code latency.hlog} (warm-up intervals included, by their {@code
 * warmup-} tags), each step's window shaded (warm-ups in yellow) and the SLO thresholds drawn.
 */
final class LatencyOverTimeChart {
  static final String FILE = "latency-over-time";

  /** Step windows are labelled only when there are at most this many (else they overlap). */
  private static final int MAX_LABELS = 12;

  private LatencyOverTimeChart() {}

  static Optional<JFreeChart> create(RunResult r, LatencyLog log) {
    XYSeriesCollection data = new XYSeriesCollection();
    double[] max = {0};
    add(data, log, "e2e", "p50", max);
    add(data, log, "e2e", "p99", max);
    add(data, log, "ttft", "p99", max);
    if (data.getSeriesCount() == 0) {
      return Optional.empty();
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      String key = data.getSeriesKey(i).toString();
      renderer.setSeriesPaint(i, key.startsWith("ttft") ? ChartStyle.OTHER
          : key.endsWith("p50") ? ChartStyle.P50 : ChartStyle.P99);
      renderer.setSeriesStroke(i, ChartStyle.stroke(1.8f, false));
    }
    XYPlot plot = new XYPlot(data, ChartStyle.axis("time since start (s)"),
        ChartStyle.axis("latency (ms)"), renderer);
    shadeSteps(plot, r);
    double thresholdMax = 0;
    for (SloLine s : SloLine.of(r.plan().slo())) {
      if (s.metric().equals("e2e") || s.metric().equals("ttft")) {
        ChartStyle.threshold(plot, s.thresholdMillis(), s.label());
        thresholdMax = Math.max(thresholdMax, s.thresholdMillis());
      }
    }
    ChartStyle.fitRange(plot, max[0], thresholdMax);
    return Optional.of(ChartStyle.chart("Latency over time (per interval of latency.hlog)",
        plot));
  }

  /** One series from the {@code tag} and {@code warmup-tag} intervals, at their midpoints. */
  private static void add(XYSeriesCollection data, LatencyLog log, String tag, String percentile,
      double[] max) {
    XYSeries s = new XYSeries(tag + " " + percentile, true, true);
    for (String t : List.of(tag, "warmup-" + tag)) {
      for (LatencyLog.Interval in : log.intervals(t)) {
        double v = "p50".equals(percentile) ? in.p50Millis() : in.p99Millis();
        s.add(in.midSeconds(), v);
        max[0] = Math.max(max[0], v);
      }
    }
    if (!s.isEmpty()) {
      data.addSeries(s);
    }
  }

  private static void shadeSteps(XYPlot plot, RunResult r) {
    Set<Integer> warmups = new HashSet<>();
    if (r.capacity() != null) {
      for (CapacityStep c : r.capacity().steps()) {
        if (c.warmupStep() != null) {
          warmups.add(c.warmupStep());
        }
      }
    }
    boolean labels = r.steps().size() - warmups.size() <= MAX_LABELS;
    int shade = 0;
    for (StepResult s : r.steps()) {
      double from = s.startOffsetSeconds();
      double to = from + s.durationSeconds();
      if (warmups.contains(s.index())) {
        ChartStyle.band(plot, from, to, null, ChartStyle.WARMUP);
      } else {
        ChartStyle.band(plot, from, to, labels ? s.name() : null,
            shade++ % 2 == 0 ? ChartStyle.STEP_A : ChartStyle.STEP_B);
      }
    }
  }
}
